import type { LanguageWords } from './language-words';

export const english: LanguageWords = {
  code: 'en',
  name: 'English',
  commonWords: ['the', 'and', 'to', 'of', 'is', 'that', 'you', 'your', 'for', 'with', 'was', 'his', 'her', 'their', 'are', 'have'],
  urgentAction: ['urgent actions?'],
  uaAbbreviations: ['UAN Letter', 'UAN', 'UA'],
  updates: [
    'urgent action update',
    'further information on (?:urgent action|ua)',
    '(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d+(?:st|nd|rd|th)) (?:ua|update|urgent action)',
    'link to previous ua',
  ],
  closedNotices: [
    'no further (?:action|appeals?) (?:is |are )?(?:requested|needed|required)',
    '(?:please )?(?:do not|don[\'’]t) send (?:any )?(?:more|further) appeals',
    'no more appeals (?:are|is) (?:needed|requested|required)',
  ],
  deadlineCues: [
    '(?:action|appeals?|letters?|write)\\b[^:\\n]{0,60}?\\b(?:until|before|by|no later than)\\s*:?',
    'deadline\\b[^:\\n]{0,30}:',
  ],
  sections: {
    targets: ['contact information', 'write to', 'send appeals to', 'appeals to', 'addresses', 'to', 'please write[^\\n]{0,120}\\bto'],
    copies: ['(?:and |also )?(?:please )?(?:send )?(?:copies|a copy)(?: of your appeals?)? to', 'cc', 'copies'],
    letter: ['sample letter', 'model letter', 'template letter', 'letter template'],
    action: ['take action', 'what you can do', 'recommended action', 'please write immediately'],
    after: ['downloads?', 'additional information', 'further information', 'background', 'name and pronoun'],
  },
  contactLabels: {
    fax: ['fax', 'facsimile'],
    phone: ['tel(?:ephone)?', 'phone', 'mobile'],
    email: ['e-?mails?'],
    twitter: ['twitter', 'x'],
    facebook: ['facebook'],
    instagram: ['instagram'],
    salutation: ['salutation'],
  },
  salutationOpeners: ['dear', 'your (?:excellency|honou?r|majesty|highness|royal highness)', 'excellency', 'to whom it may concern'],
  closings: ['yours (?:sincerely|faithfully|truly|respectfully)', 'sincerely(?: yours)?', 'respectfully(?: yours)?', 'kind regards', 'best regards', 'with respect', 'regards'],
  inlineTarget: ['(?:write|send (?:your )?(?:appeals?|emails?|letters?)) to'],
  inlineCopy: ['with (?:a )?cop(?:y|ies) to'],
  blindCopy: ['blind copy', 'bcc'],
  or: ['or'],
  noise: ['close', 'back', 'share', 'print', 'menu', 'read more', 'top'],
  composed: {
    salutation: 'Dear Sir or Madam',
    intro: 'I am writing to you about the case set out in this Urgent Action.',
    closing: 'Yours sincerely,',
  },
  appealVerbs: {
    calling: 'call', urging: 'urge', asking: 'ask', expressing: 'express', demanding: 'demand', reminding: 'remind', seeking: 'seek',
    welcoming: 'welcome', insisting: 'insist', requesting: 'request', condemning: 'condemn', acknowledging: 'acknowledge',
    recognising: 'recognise', recognizing: 'recognize', encouraging: 'encourage', thanking: 'thank', enquiring: 'enquire', inquiring: 'inquire',
  },
};
