/**
 * The draft certificate for electronic evidence that goes with every report: Bharatiya Sakshya
 * Adhiniyam 2023, s.63(4)(c) and its Schedule (formerly Evidence Act s.65B(4)) — Part A for the party
 * producing the record, Part B for the expert. CaseGraph fills in what it knows (the files, their
 * SHA-256, the algorithm, the system that produced them) and leaves blanks for the officer to complete
 * and sign. The parts follow the Schedule's form, its statements worded as the Schedule words them (a
 * court compares a certificate with the prescribed form); it is a draft, to be checked against the
 * official text before it is signed.
 *
 * Made from what the audit trail holds of the report, so the same report always gets the same
 * certificate, and it can be made again later.
 */
import { PdfDocument } from './pdf/document.js';
import { Flow } from './pdf/text.js';
import { footers } from './pdf/footer.js';
import { createHash } from 'node:crypto';

export interface CertificateInput {
  reportFile: string;
  reportSha256: string;
  reference: string;
  pages: number | null;
  generatedAt: Date;
  caseLabel: string;
  preparedBy: string;
  graphVersion: number;
  version: string;
  host: string;
  storeName: string;
}

const BLANK = '______________________________';
const SHORT = '______________';
const DEPONENT = `residing/employed at ${BLANK}, do hereby solemnly affirm and sincerely state and submit as follows:`;
/** The sources the Schedule lists, each with a box to tick. */
const SOURCES = [
  'Computer / Storage Media',
  'DVR',
  'Mobile',
  'Flash Drive',
  'CD/DVD',
  'Server',
  'Cloud',
  'Other',
]
  .map((s) => `[  ] ${s}`)
  .join('   ');

/** The Schedule's particulars of the device; `other` is what CaseGraph knows of itself, or a blank. */
const device = (other: string): [string, string][] => [
  ['Other (if ticked)', BLANK],
  ['Make & Model', BLANK],
  ['Color', BLANK],
  ['Serial Number', BLANK],
  ['IMEI/UIN/UID/MAC/Cloud ID', `${BLANK} (as applicable)`],
  ['Other relevant information', other],
];

export function buildCertificate(input: CertificateInput): { pdf: Buffer; sha256: string } {
  const doc = new PdfDocument({
    title: `Draft certificate under BSA s.63 for ${input.reportFile}`,
    producer: `CaseGraph ${input.version}`,
    createdAt: input.generatedAt,
  });
  const flow = new Flow(doc);
  const signature = (who: string) => {
    flow.y += 6;
    flow.ensure(90);
    flow.fields(
      [
        [who, BLANK],
        ['Date (DD/MM/YYYY)', BLANK],
        ['Time (IST)', `${SHORT} hours (in 24 hours format)`],
        ['Place', BLANK],
      ],
      9.5,
      170,
    );
  };
  flow.page.text(flow.left, flow.y + 10, 'DRAFT - to be completed, checked and signed by the officer', {
    font: 'Helvetica-Bold',
    size: 9,
    grey: 0.3,
  });
  flow.y += 16;
  flow.heading('Certificate under Section 63(4)(c) of the Bharatiya Sakshya Adhiniyam, 2023', 12.5);
  flow.paragraph(
    '(formerly Section 65B(4) of the Indian Evidence Act, 1872.) Drafted by CaseGraph after the form of ' +
      'certificate in the Schedule of the Adhiniyam [see section 63(4)(c)]; compare it with the official text ' +
      'before it is signed.',
    { size: 8.5, grey: 0.3 },
  );
  flow.subheading('The electronic records');
  flow.fields(
    [
      ['File', input.reportFile],
      ['SHA-256', input.reportSha256],
      ['Algorithm', 'SHA-256 (FIPS 180-4)'],
      ['Case (FIR)', input.caseLabel],
      ['Recorded on the audit trail at', `${input.generatedAt.toISOString()} (UTC)`],
      ['Produced for', input.preparedBy],
      ['Pages', input.pages === null ? BLANK : String(input.pages)],
      ['Report reference', input.reference],
      [
        'Produced by the system',
        `CaseGraph ${input.version} (graph analysis of case evidence), host ${input.host}`,
      ],
      ['Record store', `${input.storeName}, graph version ${input.graphVersion}`],
    ],
    9,
    150,
  );
  flow.paragraph(
    'CaseGraph recorded this SHA-256 on its hash-chained audit trail when it produced the file, and answers ' +
      `GET /api/reports/verify?sha256=${input.reportSha256.slice(0, 16)}... with when, for whom and from which data it was made.`,
    { size: 8.5, grey: 0.25 },
  );

  flow.paragraph(
    'Under s.63(4)(c) the certificate is signed by a person in charge of the computer or communication device ' +
      'or the management of the relevant activities (whichever is appropriate), in Part A, and by an expert, in ' +
      'Part B. Tick one box where boxes are given ([X]); strike out what does not apply.',
    { size: 8.5, grey: 0.25 },
  );

  // Each part on a page of its own, so a signature never sits on a page apart from what it signs.
  flow.newPage();
  flow.subheading('Certificate - Part A (to be filled by the party)');
  flow.paragraph(`I, ${BLANK} (name), son / daughter / spouse of ${BLANK}, ${DEPONENT}`, { size: 9.5 });
  flow.paragraph(
    'I have produced electronic record/output of the digital record taken from the following device/digital ' +
      `record source (tick mark): ${SOURCES}`,
    { size: 9.5 },
  );
  flow.fields(device(`CaseGraph ${input.version} on host ${input.host}; ${input.storeName}`), 9.5, 150);
  flow.paragraph(
    'The digital device or the digital record source was under the lawful control for regularly creating, ' +
      'storing or processing information for the purposes of carrying out regular activities and during this ' +
      'period, the computer or the communication device was working properly and the relevant information was ' +
      'regularly fed into the computer during the ordinary course of business. If the computer/digital device at ' +
      'any point of time was not working properly or out of operation, then it has not affected the ' +
      'electronic/digital record or its accuracy.',
    { size: 9.5 },
  );
  flow.paragraph(
    'The digital device or the source of the digital record is: [  ] Owned   [  ] Maintained   [  ] Managed   ' +
      '[  ] Operated by me (select as applicable).',
    { size: 9.5 },
  );
  flow.paragraph(
    `I state that the HASH value/s of the electronic/digital record/s is ${input.reportSha256}, obtained through ` +
      'the following algorithm: [  ] SHA1   [X] SHA256   [  ] MD5   [  ] Other ' +
      `${SHORT} (legally acceptable standard). (Hash report to be enclosed with the certificate: CaseGraph's ` +
      'answer to GET /api/reports/verify for this value.)',
    { size: 9.5 },
  );
  signature('(Name and signature)');

  flow.newPage();
  flow.subheading('Part B (to be filled by the expert)');
  flow.paragraph(`I, ${BLANK} (name), son / daughter / spouse of ${BLANK}, ${DEPONENT}`, { size: 9.5 });
  flow.paragraph(
    'The produced electronic record/output of the digital record are obtained from the following ' +
      `device/digital record source (tick mark): ${SOURCES}`,
    { size: 9.5 },
  );
  flow.fields(device(BLANK), 9.5, 150);
  flow.paragraph(
    `I state that the HASH value/s of the electronic/digital record/s is ${BLANK}${BLANK}, obtained through ` +
      `the following algorithm: [  ] SHA1   [  ] SHA256   [  ] MD5   [  ] Other ${SHORT} (legally acceptable ` +
      'standard). (Hash report to be enclosed with the certificate.)',
    { size: 9.5 },
  );
  flow.paragraph(
    'The expert computes the hash of the file independently; for the file named above, SHA-256 must give the ' +
      'value stated in Part A.',
    { size: 8.5, grey: 0.3 },
  );
  signature('(Name, designation and signature)');
  const digest = createHash('sha256');
  for (const page of doc.pages) digest.update(page.content()).update('\n');
  const contentDigest = digest.digest('hex');
  footers(doc, {
    left: `CaseGraph ${input.version} - draft certificate for ${input.reportFile}`,
    reference: input.reference,
    contentDigest,
  });
  const pdf = doc.toBytes();
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}
