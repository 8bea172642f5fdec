import { spawnSync } from 'node:child_process';
import { simpleParser, type AddressObject } from 'mailparser';

/** What a mail program would see in a draft, as one MIME parser read it. */
export interface ReadEmail {
  from: { name: string; address: string }[];
  to: string[];
  subject: string;
  date: string | undefined;
  messageId: string | undefined;
  xUnsent: string | undefined;
  /** Lower-case names of every header, in order, repeats kept. */
  headerNames: string[];
  contentType: string;
  charset: string | undefined;
  /** The decoded text body, line ends as "\n". */
  body: string;
}

function addresses(field: AddressObject | AddressObject[] | undefined): { name: string; address: string }[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) => object.value).map((entry) => ({ name: entry.name, address: entry.address ?? '' }));
}

/** Reads a draft with the `mailparser` package (the parser Node mail programs use). */
export async function readWithMailparser(raw: Buffer): Promise<ReadEmail> {
  const parsed = await simpleParser(raw);
  const headerNames = parsed.headerLines.map((line) => line.key.toLowerCase());
  const contentType = parsed.headers.get('content-type') as { value: string; params: Record<string, string> } | undefined;
  return {
    from: addresses(parsed.from),
    to: addresses(parsed.to).map((entry) => entry.address),
    subject: parsed.subject ?? '',
    date: parsed.date?.toISOString(),
    messageId: parsed.messageId,
    xUnsent: parsed.headers.get('x-unsent') as string | undefined,
    headerNames,
    contentType: contentType?.value ?? '',
    charset: contentType?.params.charset,
    body: (parsed.text ?? '').replace(/\r\n/g, '\n'),
  };
}

const PYTHON_READER = String.raw`
import base64, email, email.policy, json, sys
from email.utils import parsedate_to_datetime
out = []
for encoded in json.load(sys.stdin):
    message = email.message_from_bytes(base64.b64decode(encoded), policy=email.policy.default)
    def addresses(name):
        header = message[name]
        return [{"name": a.display_name, "address": a.addr_spec} for a in header.addresses] if header is not None else []
    date = message["Date"]
    out.append({
        "from": addresses("From"),
        "to": [a["address"] for a in addresses("To")],
        "subject": str(message["Subject"] or ""),
        "date": parsedate_to_datetime(str(date)).isoformat() if date is not None else None,
        "messageId": str(message["Message-ID"]) if message["Message-ID"] is not None else None,
        "xUnsent": str(message["X-Unsent"]) if message["X-Unsent"] is not None else None,
        "headerNames": [key.lower() for key in message.keys()],
        "contentType": message.get_content_type(),
        "charset": message.get_content_charset(),
        "body": message.get_content().replace("\r\n", "\n"),
        "defects": [type(d).__name__ for d in message.defects],
    })
json.dump(out, sys.stdout)
`;

/**
 * Reads drafts with Python's standard `email` package (policy.default, the strict modern
 * parser), all in one python3 run. Parsing defects are returned so tests can insist on none.
 */
export function readWithPython(raws: readonly Buffer[]): (ReadEmail & { defects: string[] })[] {
  const result = spawnSync('python3', ['-c', PYTHON_READER], {
    input: JSON.stringify(raws.map((raw) => raw.toString('base64'))),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`python3 could not be run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`python3 failed to read the drafts:\n${result.stderr}`);
  return JSON.parse(result.stdout) as (ReadEmail & { defects: string[] })[];
}

/** Lines of a raw message, split at CRLF, for checks on line length and line ends. */
export function rawLines(raw: Buffer): string[] {
  return raw.toString('latin1').split('\r\n');
}
