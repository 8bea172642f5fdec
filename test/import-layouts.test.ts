import { splitRunOnHead, splitRunTogetherLine, findEmails, parseSalutation, findOfficials } from '../src/import/officials';
import { firstTemplate, prepareLines, segmentDocument } from '../src/import/segments';
import { findStage, findUaNumber, findDeadline } from '../src/import/ua-header';
import { languageOf } from '../src/import/languages';
import { inlineOfficials } from '../src/import/fallback-officials';
import { composeLetter } from '../src/import/model-letter';

// Table tests of the finders, with the real lines of the corpus documents that broke them.

describe('run-on lines', () => {
  test.each([
    [
      'Ambassador Shaikh Abdullah bin Rashed bin Abdullah Al Khalifa Embassy of the Kingdom of Bahrain 3502 International Drive NW, Washington DC 20008',
      ['Ambassador', 'Shaikh Abdullah bin Rashed bin Abdullah Al Khalifa', 'Embassy of the Kingdom of Bahrain', '3502 International Drive NW, Washington DC 20008'],
    ],
    [
      'Krasnov Igor Viktorovich Prosecutor General of the Russian Federation ul. Bolshaya Dmitrovka, 15a, GSP-3, 1 – Moscow, 125993 Russian Federation Complaint form online',
      ['Krasnov Igor Viktorovich', 'Prosecutor General of the Russian Federation', 'ul. Bolshaya Dmitrovka, 15a, GSP-3, 1 – Moscow, 125993 Russian Federation', 'Web: Complaint form online'],
    ],
    [
      'HIS EXCELLENCY DR ALEXANDER V YAKOVENKO Embassy of the Russian Federation 6/7 Kensington Palace Gardens, London, W8 4QP 0207 229 6412',
      ['HIS EXCELLENCY DR ALEXANDER V YAKOVENKO', 'Embassy of the Russian Federation', '6/7 Kensington Palace Gardens, London, W8 4QP', 'Phone: 0207 229 6412'],
    ],
    ['Président Abdel Fattah al Sissi Palais Al Ittihadia', ['Président', 'Abdel Fattah al Sissi', 'Palais Al Ittihadia']],
    ['Yuriy Yakovlevich Chaika', ['Yuriy Yakovlevich Chaika']],
    ['Prosecutor General Yuriy Chaika, Prosecutor General’s Office, Moscow', ['Prosecutor General Yuriy Chaika, Prosecutor General’s Office, Moscow']],
  ])('an official on one line: %s', (line, pieces) => {
    expect(splitRunOnHead(line)).toEqual(pieces);
  });

  test('a post note inside a run-on block is a line of its own', () => {
    expect(splitRunTogetherLine('Shaikh Hamad bin ‘Issa Al Khalifa King of Bahrain Due to postal restrictions caused by COVID-19, please only send physical mail to the Embassy Fax: +973 1766 4587')).toEqual([
      'Shaikh Hamad bin ‘Issa Al Khalifa King of Bahrain',
      'Due to postal restrictions caused by COVID-19, please only send physical mail to the Embassy',
      'Fax: +973 1766 4587',
    ]);
  });

  test.each([
    ['  Your Highness, On 13 July 2020, the Court of Cassation confirmed for the second time the convictions', ['Your Highness,', 'On 13 July 2020, the Court of Cassation confirmed for the second time the convictions']],
    ['SAMPLE LETTER Dear Prosecutor General, I am writing to urge you to take all necessary steps to ensure the release', ['SAMPLE LETTER', 'Dear Prosecutor General,', 'I am writing to urge you to take all necessary steps to ensure the release']],
    ['to persuade and the people we are trying to help CONTACT INFORMATION', ['to persuade and the people we are trying to help', 'CONTACT INFORMATION']],
    ['Acción UrgenteVENEZUELA: ALGUNAS PERSONAS LIBERADAS', ['Acción Urgente', 'VENEZUELA: ALGUNAS PERSONAS LIBERADAS']],
    ['• Urgent Action', ['Urgent Action']],
    ['zurück', ['']],
    ['×', ['']],
  ])('prepared lines: %s', (line, lines) => {
    expect(prepareLines([line.trim()])).toEqual(lines);
  });
});

describe('sections in four languages', () => {
  test.each([
    ['Appell an', 'targets'],
    ['Sende eine Kopie an', 'copies'],
    ['Adressez vos appels à :', 'targets'],
    ['Copie à envoyer à :', 'copies'],
    ['To: Albert Fabrice Puela', 'targets'],
    ['Cc: Lohaka Yemba', 'copies'],
    ['COntact Information:', 'targets'],
    ['Sample Letter:', 'letter'],
    ['Also send copies to diplomatic representatives accredited to your country.', 'copies'],
    ['Envíen copias a:', 'copies'],
    ['Envíen sus llamamientos a:', 'targets'],
    ['ACTÚEN: REDACTEN SU PROPIO LLAMAMIENTO O UTILICEN LA SIGUIENTE CARTA MODELO', 'action'],
  ])('%s is a "%s" section', (line, kind) => {
    expect(segmentDocument([line]).map((segment) => segment.kind)).toEqual([kind]);
  });

  test('a page of several letter templates keeps the first', () => {
    const { lines, more } = firstTemplate(['UA-313/2014', 'Exzellenz,', 'X'.repeat(67), 'UA-257-1/2014']);
    expect(lines).toEqual(['UA-313/2014', 'Exzellenz,']);
    expect(more).toBe(true);
  });
});

describe('numbers, stages and deadlines in four languages', () => {
  test.each([
    ['Urgent Action Update: Highest Court Upholds Death Sentences (Bahrain: UA 1.15)', '1.15'],
    ['UA-313/2014 Verschwindenlassen - Syrien. Appelle bis 27. Januar 2015', '313.2014'],
    ['Cuarta AU: 72/24: 72/24 | Índice: AMR 53/0225/2025', '72.24'],
    ['UAN Letter: 74/12 Democratic Republic of Congo', '74.12'],
    ['Urgent Action: ACTIVIST JAILED (UA: Russian Federation: 40.23)', '40.23'],
    ['Sudan: Inform Members of TRACKS (UA 58/16)', '58.16'],
  ])('UA number in "%s"', (line, number) => {
    expect(findUaNumber(line)?.value).toBe(number);
  });

  test.each([
    ['Bitte keine Appelle für seine Freilassung mehr senden.', 'final', true],
    ['Aucune action complémentaire n’est requise de la part du Réseau Actions urgentes.', 'final', true],
    ['NO FURTHER ACTION IS REQUESTED.', 'final', true],
    ['Cuarta AU: 72/24', 'update', false],
    ['Urgent Action Update: Highest Court Upholds Death Sentences', 'update', false],
  ])('stage of "%s"', (text, stage, closed) => {
    expect(findStage(text)).toMatchObject({ stage, closed });
  });

  test.each([
    ['PLEASE SEND APPEALS BEFORE 27 SEPTEMBER 2019', '2019-09-27'],
    ['UA-313/2014 Verschwindenlassen - Syrien. Appelle bis 27. Januar 2015', '2015-01-27'],
    ['bitten wir Sie, nach dem 10. August 2011 keine Appelle mehr zu verschicken.', '2011-08-10'],
    ['On 13 July 2020, the Court of Cassation confirmed the sentences.', undefined],
  ])('deadline in "%s"', (line, date) => {
    expect(findDeadline([line], undefined)?.value).toBe(date);
  });
});

describe('officials inside sentences, salutations, languages', () => {
  test('a French sentence that names the president, his email and a copy to the embassy; the blind copy is not a target', () => {
    const found = inlineOfficials([
      'Pour AGIR : copiez-collez le modèle de lettre ci-dessous dans le cadre bleu en l’adressant au Président de la République du Burundi, Évariste Ndayishimiyela, en l’envoyant à l’adresse presidence@burundi.gov.bi, avec copie à l’Ambassade du Burundi en Belgique : ambassade.burundi@gmail.com.',
      'Pour que nous puissions faire un suivi des actions, merci de mettre action@amnesty.be en copie cachée (Cci) de votre mail.',
    ]);
    expect(found.map((one) => [one.name, one.title, one.email, one.copy])).toEqual([
      ['Évariste Ndayishimiyela', 'Président de la République du Burundi', ['presidence@burundi.gov.bi'], false],
      ['Ambassade du Burundi en Belgique', undefined, ['ambassade.burundi@gmail.com'], true],
    ]);
  });

  test('a salutation in three languages keeps them all and opens in the letter’s language', () => {
    const value = '(korrekte Anrede: Estimado Presidente Calderón / Dear President Calderón/ Sehr geehrter Herr Präsident)'.replace(/^\(korrekte Anrede:\s*/, '');
    expect(parseSalutation(value, 'de')).toEqual({ salutation: 'Sehr geehrter Herr Präsident', other: { text: 'Estimado Presidente Calderón / Dear President Calderón', language: 'Spanish' } });
    expect(parseSalutation(value, 'en').salutation).toBe('Dear President Calderón');
  });

  test('German blocks under capitals headings, with the salutation line and the copies section', () => {
    const { officials } = findOfficials(['Appell an', '', 'STAATSPRÄSIDENT', 'Felipe Calderón Hinojosa', 'Col. San Miguel Chapultepec', 'C.P. 11850, Distrito Federal, MEXICO', '(korrekte Anrede: Estimado Presidente Calderón / Dear President Calderón/ Sehr geehrter Herr Präsident)', 'Fax: (00 52) 55 5093 5321', 'E-Mail: felipe.calderon@presidencia.gob.mx', '', 'Sende eine Kopie an', '', 'BOTSCHAFT DES KÖNIGREICHS SAUDI-ARABIEN', 'S.E. Herrn Prof. Dr. med', 'Ossama Abdulmajed Ali Shobokshi', 'Kurfürstendamm 63', '10707 Berlin', 'Fax: 030-8892 5179 oder 030-8892 5176'], 'de');
    expect(officials.map((one) => [one.name, one.title, one.organisation, one.fax, one.email, one.copy])).toEqual([
      ['Felipe Calderón Hinojosa', 'STAATSPRÄSIDENT', undefined, ['(00 52) 55 5093 5321'], ['felipe.calderon@presidencia.gob.mx'], false],
      ['S.E. Herrn Prof. Dr. med Ossama Abdulmajed Ali Shobokshi', undefined, 'BOTSCHAFT DES KÖNIGREICHS SAUDI-ARABIEN', ['030-8892 5179', '030-8892 5176'], [], true],
    ]);
    expect(officials[0]!.salutation).toBe('Sehr geehrter Herr Präsident');
  });

  test.each([
    ['Les forces de sécurité égyptiennes ont arrêté Alaa Abdel Fattah le 29 septembre 2019, l’accusant de « diffusion de fausses informations ».', 'fr'],
    ['Mindestens sechs Männer sind im Norden Mexikos von SoldatInnen der Marine willkürlich festgenommen worden und seither verschwunden.', 'de'],
    ['El 7 de enero de 2025, individuos encapuchados detuvieron arbitrariamente a Carlos Correa.', 'es'],
    ['He must be immediately and unconditionally released as his detention is solely linked to the exercise of his human rights.', 'en'],
  ])('language of "%s"', (text, code) => {
    expect(languageOf(text).code).toBe(code);
  });

  test('e-mail addresses are read token by token: a long run with no spaces is one pass', () => {
    expect(findEmails('Email: kanc@rusemb.org.uk, [email protected]; mail@mexale.de.')).toEqual(['kanc@rusemb.org.uk', 'mail@mexale.de']);
    expect(findEmails(`${'a.'.repeat(200_000)}@`)).toEqual([]);
  });

  test('a letter composed from the demands the document states, in its language', () => {
    const letter = composeLetter(['Amnesty International continue à appeler à la libération immédiate et inconditionnelle de Tony Germain Nkina.'], 'fr');
    expect(letter.source).toBe('composed');
    expect(letter.paragraphs).toContain('Amnesty International continue à appeler à la libération immédiate et inconditionnelle de Tony Germain Nkina.');
    expect(letter.closing).toBe('Veuillez agréer l’expression de ma haute considération.');
  });
});
