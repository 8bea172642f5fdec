(async()=>{
const D='/work/wt-pdf/dist/';
const {loadCaseLibrary}=require(D+'cases/case-library.js');
const P=require(D+'package-paths.js');
const lib=loadCaseLibrary({builtinDir:P.BUILTIN_CASES_DIR,userDirs:[],templatesDir:P.TEMPLATES_DIR,cwd:'/tmp'});
const {buildLetter}=require(D+'letters/letter.js');
const rec=lib.cases.find(c=>c.definition.id==='miftakhov-2026');
const letter=buildLetter(rec,rec.definition.officials[0],{name:'Анна Иванова'},new Date(),lib.templates);
const {renderLetterPdfs}=require(D+'pdf/render-letter-pdf.js');
for (let i=0;i<(+process.argv[2]||1);i++){const t=performance.now();await renderLetterPdfs([letter],{paper:'a4',cwd:'/tmp',now:new Date()}); if(i<3||i%10==0)console.log(i,(performance.now()-t).toFixed(1));}
})();
