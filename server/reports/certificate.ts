/**
 * The draft certificate for electronic evidence that goes with every report: Bharatiya Sakshya
 * Adhiniyam 2023, s.63(4)(c) and its Schedule (formerly Evidence Act s.65B(4)) — Part A for the party
 * producing the record, Part B for the expert. CaseGraph fills in what it knows (the files, their
 * SHA-256, the algorithm, the system that produced them) and leaves blanks for the officer to complete
 * and sign; it is a draft, to be checked against the Schedule's official text before it is sworn.
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

export function buildCertificate(input: CertificateInput): { pdf: Buffer; sha256: string } {
  const doc = new PdfDocument({
    title: `Draft certificate under BSA s.63 for ${input.reportFile}`,
    producer: `CaseGraph ${input.version}`,
    createdAt: input.generatedAt,
  });
  const flow = new Flow(doc);
  flow.page.text(flow.left, flow.y + 10, 'DRAFT - to be completed, checked and signed by the officer', {
    font: 'Helvetica-Bold',
    size: 9,
    grey: 0.3,
  });
  flow.y += 16;
  flow.heading('Certificate under Section 63(4)(c) of the Bharatiya Sakshya Adhiniyam, 2023', 12.5);
  flow.paragraph(
    '(formerly Section 65B(4) of the Indian Evidence Act, 1872.) Drafted by CaseGraph after the form in the ' +
      'Schedule of the Adhiniyam; compare it with the official text before it is sworn.',
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
    120,
  );
  flow.paragraph(
    'CaseGraph recorded this SHA-256 on its hash-chained audit trail when it produced the file, and answers ' +
      `GET /api/reports/verify?sha256=${input.reportSha256.slice(0, 16)}... with when, for whom and from which data it was made.`,
    { size: 8.5, grey: 0.25 },
  );

  flow.subheading('Part A (to be filled by the party)');
  flow.paragraph(
    `I, ${BLANK} (name), son / daughter / spouse of ${BLANK}, residing at ${BLANK}, employed as ${BLANK} at ${BLANK}, ` +
      'do hereby solemnly affirm and sincerely state and submit as follows:',
    { size: 9.5 },
  );
  flow.paragraph(
    '1. I have produced the electronic record(s) named above, the output of the computer system CaseGraph, from the ' +
      `following device / digital record source: computer / server; make and model ${BLANK}; serial number ${BLANK}; ` +
      `host name ${input.host}; other relevant information ${BLANK}.`,
    { size: 9.5 },
  );
  flow.paragraph(
    '2. The computer system was under lawful control for regularly creating, storing or processing information for ' +
      'the purposes of carrying out regular activities, and during this period it was working properly and the relevant ' +
      'information was regularly fed into it in the ordinary course of those activities. If at any time it was not ' +
      'working properly or was out of operation, this did not affect the electronic record or its accuracy.',
    { size: 9.5 },
  );
  flow.paragraph(
    '3. The computer system is owned / maintained / managed / operated by me (strike out what does not apply).',
    { size: 9.5 },
  );
  flow.paragraph(
    `4. I state that the hash value of the electronic record is ${input.reportSha256}, obtained through the following ` +
      'algorithm: SHA-256. (Hash report enclosed: the verification answer of CaseGraph for this value.)',
    { size: 9.5 },
  );
  flow.y += 6;
  flow.fields(
    [
      ['Name and signature', BLANK],
      ['Date (DD/MM/YYYY)', BLANK],
      ['Time (IST)', BLANK],
      ['Place', BLANK],
    ],
    9.5,
    120,
  );

  flow.subheading('Part B (to be filled by the expert)');
  flow.paragraph(
    `I, ${BLANK} (name), son / daughter / spouse of ${BLANK}, residing at ${BLANK}, employed as ${BLANK} at ${BLANK}, ` +
      'do hereby solemnly affirm and sincerely state and submit that the electronic record named above was obtained from ' +
      `the device / digital record source described in Part A, and that its hash value, computed by me with the algorithm ` +
      `${BLANK} (SHA-256 / other), is ${BLANK}, which matches / does not match the value stated in Part A.`,
    { size: 9.5 },
  );
  flow.y += 6;
  flow.fields(
    [
      ['Name, designation, signature', BLANK],
      ['Date (DD/MM/YYYY)', BLANK],
      ['Time (IST)', BLANK],
      ['Place', BLANK],
    ],
    9.5,
    150,
  );
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
