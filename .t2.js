const T=[performance.now()];const mark=(l)=>{T.push(performance.now());console.log(l.padEnd(20),(T.at(-1)-T.at(-2)).toFixed(1))};
(async()=>{
const D='/work/wt-pdf/dist/';
const {run}=require(D+'entry.js'); mark('entry');
const {loadCaseLibrary}=require(D+'cases/case-library.js'); mark('case-library mod');
const P=require(D+'package-paths.js');
const lib=loadCaseLibrary({builtinDir:P.BUILTIN_CASES_DIR,userDirs:[],templatesDir:P.TEMPLATES_DIR,cwd:'/tmp'}); mark('load library');
const {buildLetter}=require(D+'letters/letter.js');mark('letter mod');
const rec=lib.cases.find(c=>c.definition.id==='miftakhov-2026');
const letter=buildLetter(rec,rec.definition.officials[0],{name:'Анна Иванова'},new Date(),lib.templates);mark('build letter');
const fk=require('fontkit');mark('fontkit');
const pk=require('pdfkit');mark('pdfkit');
const {loadLetterFont}=require(D+'pdf/letter-font.js');
const f=await loadLetterFont(undefined,'/tmp');mark('font');
const {renderLetterPdfs}=require(D+'pdf/render-letter-pdf.js');mark('render mod');
const out=await renderLetterPdfs([letter],{paper:'a4',cwd:'/tmp',now:new Date()});mark('render');
const out2=await renderLetterPdfs([letter],{paper:'a4',cwd:'/tmp',now:new Date()});mark('render again');
})();
