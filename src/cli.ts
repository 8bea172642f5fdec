import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CommandContext } from './commands/command-context';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** --paper a4 or letter, written in any case ("A4", "Letter"). */
function paperOption(description: string): Option {
  return new Option('--paper <size>', description).argParser((value: string) => {
    const size = value.trim().toLowerCase();
    if (size !== 'a4' && size !== 'letter') throw new InvalidArgumentError('give a4 or letter.');
    return size;
  });
}

function addCaseSourceOptions(command: Command): Command {
  return command
    .option('--cases <dir>', 'also read case files from this folder (repeatable; APPEAL_CASES too)', collect)
    .option('--no-builtin', 'leave out the case library that comes with appeal');
}

/**
 * Declares the commands and flags, nothing else: each action lazy-loads its command module, so
 * `appeal list` never pays for pdfkit or the prompt library.
 */
/** appeal's commands, by the name a command line starts with. */
const COMMAND_NAMES = ['list', 'show', 'write', 'sent', 'log', 'report', 'batch', 'validate', 'import', 'cases', 'init'];

/**
 * `running` is the command the line asks for (its first word that is not a flag): only that one is
 * declared with its arguments and flags. Commander spends a little on each of seventy flags, at
 * every start, and a command is never given the others'. With no command, or one appeal does not
 * have, every command is declared in full, for the help and the "did you mean".
 */
export function buildProgram(context: CommandContext, version: string, running?: string): Command {
  const program = new Command('appeal')
    .description('Write Urgent Action letters to officials: plain text, email drafts or printable PDFs.')
    .version(version, '-V, --version')
    .option('--debug', 'show the full error when something fails')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run "appeal --help" to see every command)')
    .exitOverride();
  // Widths and colours are asked of the command's own streams too: commander would ask Node's,
  // which makes them (see output/process-output.ts) even to print help into a pipe.
  const nodeOutput = program.configureOutput();
  program.configureOutput({
    writeOut: (text) => context.stdout.write(text),
    writeErr: (text) => context.stderr.write(text),
    getOutHelpWidth: () => (context.stdout.isTTY && context.stdout.columns) || 80,
    getErrHelpWidth: () => (context.stderr.isTTY && context.stderr.columns) || 80,
    getOutHasColors: () => Boolean(context.stdout.isTTY && nodeOutput.getOutHasColors?.()),
    getErrHasColors: () => Boolean(context.stderr.isTTY && nodeOutput.getErrHasColors?.()),
  });

  const declareAll = running === undefined || !COMMAND_NAMES.includes(running);
  const declare = (name: string, description: string, define: (command: Command) => unknown) => {
    const command = program.command(name).description(description);
    if (declareAll || name === running) define(command);
  };

  declare('list', 'list the open cases, nearest deadline first', (command) =>
    addCaseSourceOptions(
      command
        .option('-a, --all', 'include closed cases and cases past their deadline')
        .option('--json', 'print JSON for scripts'),
    ).action(async (options) => (await import('./commands/list')).listCommand(context, options)),
  );

  declare('show', 'show everything about one case: people, officials and how to reach them, deadline, history', (command) =>
    addCaseSourceOptions(
      command
        .argument('<case>', 'UA number ("UA 150.19", "150/19"), case id, or part of a name ("miftakhov")')
        .option('--json', 'print the whole case as JSON'),
    ).action(async (query: string, options) => (await import('./commands/show')).showCommand(context, query, options)),
  );

  declare('write', 'write your letter to one or more officials of a case (with no case, at a terminal: choose one)', (command) =>
    addCaseSourceOptions(
      command
        .argument('[case]', 'UA number ("UA 150.19", "150/19"), case id, or part of a name ("miftakhov"); left out, the open cases are offered')
        .option('-n, --name <name>', 'your name, as you sign the letter (default: your profile)')
        .option('--address <line>', 'a line of your postal address (repeatable; default: your profile)', collect)
        .option('--country <country>', 'the country you live in (default: your profile)')
        .option('--email <address>', 'your email address (default: your profile)')
        .option('-t, --target <official>', 'whom to write to: the number "appeal show" gives, the official\'s id, part of the name or title, or "all" (repeatable)', collect)
        // No default here: with no case, a terminal asks the format; the command takes text otherwise.
        .option('-f, --format <format>', 'what to make: text, email (.eml drafts), mailto (links), pdf (to print and post), or all (default: text)')
        .addOption(paperOption('paper for PDF letters: a4 or letter (default: your profile, else a4)'))
        .option('--font <file>', 'a .ttf, .otf or .ttc font for PDF letters; more --font files cover what the first lacks (repeatable)', collect)
        .option('-o, --out <dir>', 'folder for the letters (default: the current folder)')
        .option('--stdout', 'print the letters instead of writing files')
        .option('--open', 'open each email draft in your mail program (where there is a desktop)')
        .option('--force', 'replace letters that already exist')
        .option('--allow-closed', 'write even though the case is closed')
        .option('-l, --language <language>', 'the language of the letter: one the case has a letter in (default: its preferred language, else yours)')
        .option('--personal <sentence>', 'a sentence of your own, added to the letter as a paragraph')
        .option('--edit', 'open the letter in your editor ($VISUAL, $EDITOR) and make it from what you save')
        .option('-y, --yes', 'ask nothing: take every answer from flags and the profile'),
    ).action(async (query: string | undefined, options) => {
      // A PDF needs pdfkit and a font: start loading them while the cases load.
      const pdfEngine = ['pdf', 'all'].includes(String(options.format).toLowerCase()) ? (await import('./pdf/letter-renderer')).startLetterRenderer() : undefined;
      return (await import('./commands/write')).writeCommand(context, query, options, pdfEngine);
    }),
  );

  declare('sent', 'mark letters as actually sent, so the report counts them', (command) =>
    addCaseSourceOptions(
      command
        .argument('<case>', 'UA number ("UA 150.19", "150/19"), case id, or part of a name')
        .option('-t, --target <official>', 'whose letter was sent: a number from "appeal show", an id, part of the name, or "all" (repeatable)', collect)
        .option('-n, --name <name>', 'who sent it, as the letter was signed (default: your profile; repeatable)', collect)
        .option('--all-senders', 'mark every letter made for these officials, whoever signed it (a group meeting\'s batch)')
        .option('--made-elsewhere', 'the letter was made outside appeal: count it though appeal made none for that name')
        .option('--undo', 'take back a mark as sent (the action log keeps both records)')
        .option('--channel <channel>', 'how it was sent: post, email or fax (default: as the letter was made)')
        .option('-y, --yes', 'ask nothing: take every answer from flags and the profile'),
    ).action(async (query: string, options) => (await import('./commands/sent')).sentCommand(context, query, options)),
  );

  declare('log', 'list the letters made and marked as sent, oldest first', (command) =>
    addCaseSourceOptions(
      command
        .option('--case <case>', 'only this case')
        .option('--since <date>', 'only from this date on (YYYY-MM-DD)')
        .option('--until <date>', 'only up to this date (YYYY-MM-DD)')
        .option('--sender <name>', 'only letters whose sender\'s name contains this ("blank" for unsigned ones)')
        .option('--json', 'print JSON for scripts'),
    ).action(async (options) => (await import('./commands/log')).logCommand(context, options)),
  );

  declare('report', 'count letters made and sent: per case, official, channel and member (nothing leaves your computer)', (command) =>
    addCaseSourceOptions(
      command
        .argument('[case]', 'only this case')
        .option('--since <date>', 'count from this date on (YYYY-MM-DD)')
        .option('--until <date>', 'count up to this date (YYYY-MM-DD)')
        .option('--json', 'print JSON')
        .option('--csv', 'print CSV with a header row, for a spreadsheet or a network coordinator'),
    ).action(async (query: string | undefined, options) => (await import('./commands/report')).reportCommand(context, query, options)),
  );

  declare('batch', 'meeting mode: every letter a group signs, for one or more cases, in one PDF to print', (command) =>
    addCaseSourceOptions(
      command
        .argument('[cases...]', 'UA numbers, case ids or names; or --open for every open case')
        .option('--open', 'every open case')
        .option('--signers <file>', 'the members who sign: a CSV or YAML file with a name for each (and optionally address, country, email, language, personal)')
        .option('--blank <n>', 'instead of --signers: n letters per official with empty signature blocks')
        .option('-t, --target <official>', 'whom to write to in each case, as in "appeal write" (default: every official who takes post; repeatable)', collect)
        .option('-o, --out <file>', 'the PDF to write (default: letters-DATE.pdf)')
        .addOption(paperOption('paper: a4 or letter (default: your profile, else a4)'))
        .option('--font <file>', 'a .ttf, .otf or .ttc font; more --font files cover what the first lacks (repeatable)', collect)
        .option('--duplex', 'start each letter on the front of a sheet, for printing on both sides')
        .option('--envelopes', 'add a page per letter to print on DL (A4) or #10 (Letter) envelopes')
        .option('--labels', 'add sheets of address labels in the order of the letters: Avery 5160/8160 on Letter, 3 × 7 on A4')
        .option('--label-start <n>', 'with --labels: the first unused label of a part-used sheet, counted along the rows from 1')
        .option('--force', 'replace the PDF if it exists')
        .option('--allow-closed', 'print letters for a closed case all the same')
        .option('--preview', 'make the PDF to look at, without recording its letters in the action log')
        .option('--no-log', 'make the PDF without recording its letters (the same as --preview)')
        .option('-l, --language <language>', 'every letter in this language (default: each member\'s language where the case has it, else the case\'s preferred one)'),
    ).action(async (queries: string[], options) => {
      const pdfEngine = (await import('./pdf/pdf-engine')).startPdfEngine();
      return (await import('./commands/batch')).batchCommand(context, queries, options, pdfEngine);
    }),
  );

  declare('validate', 'check case files and their templates; with --cases, only those folders', (command) =>
    addCaseSourceOptions(command).action(async (options) => (await import('./commands/validate')).validateCommand(context, options)),
  );

  declare('import', 'turn an Urgent Action (PDF, text or saved web page) into a case file and its model letter', (command) =>
    command
      .argument('<file>', 'the Urgent Action document, or "-" to read standard input')
      .option('--cases <dir>', 'write the case into this folder (default: your own case folder)')
      .option('--no-builtin', 'leave out the case library that comes with appeal when looking for the case')
      .option('-y, --yes', 'change an existing case without asking')
      .option('--force', 'replace a file of the same name that is not this case')
      .option('--stdout', 'print the case file and model letter instead of writing them')
      .action(async (file: string, options) => (await import('./commands/import')).importCommand(context, file, options)),
  );

  declare('cases', 'follow case libraries that a coordinator publishes over git (needs git)', (cases) => {
    cases
      .command('list', { isDefault: true })
      .description('the libraries you follow: source, last update, cases and problems')
      .action(async () => (await import('./commands/cases')).casesListCommand(context));
    cases
      .command('add')
      .description('follow a case library: clone it and add its checked cases to every command')
      .argument('<git-url>', 'the library\'s address: https://..., git@host:group/cases.git, or a folder')
      .option('--name <name>', 'what to call it (default: from the address)')
      .option('--branch <branch>', 'the branch to follow (default: the library\'s own)')
      .action(async (url: string, options) => (await import('./commands/cases')).casesAddCommand(context, url, options));
    cases
      .command('update')
      .description('fetch the latest version of every library you follow (or one) and say what changed')
      .argument('[name]', 'only this library')
      .action(async (name: string | undefined) => (await import('./commands/cases')).casesUpdateCommand(context, name));
    cases
      .command('remove')
      .description('stop following a case library')
      .argument('<name>', 'the library\'s name, as "appeal cases" shows it')
      .action(async (name: string) => (await import('./commands/cases')).casesRemoveCommand(context, name));
    cases
      .command('init')
      .description('make a new case library for your group: a git repository with a README and a check')
      .argument('<dir>', 'the folder to make')
      .action(async (dir: string) => (await import('./commands/cases')).casesInitCommand(context, dir));
  });

  declare('init', 'save your name, address, email, paper size and language for every letter', (command) =>
    command
      .option('-n, --name <name>', 'your name, as you sign letters')
      .option('--address <line>', 'a line of your postal address (repeatable)', collect)
      .option('--country <country>', 'the country you live in')
      .option('--email <address>', 'your email address')
      .addOption(paperOption('paper size: a4 or letter'))
      .option('--language <tag>', 'the language you read, e.g. en, de, fr (kept in your profile; a letter follows its case’s language)')
      .option('--group-name <name>', 'a group coordinator: the group’s name, first line of its return address')
      .option('--group-address <line>', 'a line of the group’s return address, for members who give none (repeatable)', collect)
      .option('--group-country <country>', 'the group’s country (default: yours)')
      .option('-y, --yes', 'ask nothing: save the flags as given')
      .action(async (options) => (await import('./commands/init')).initCommand(context, options)),
  );

  return program;
}

export { CommanderError };
