/**
 * Files as units receive them, small enough to read in a test: a statement of each of the four banks, a
 * hotel register with a foreign guest (Form C) and an undated row, and an IPDR. Synthetic throughout.
 */

export const STATEMENT_BANNER =
  'Account Name : SYNTHETIC HOLDER ONE\nAccount Number : 00001234567890\nIFSC Code : SBIN0001234\n';
export const STATEMENT_ACCOUNT = 'SBIN0001234:00001234567890';
export const STATEMENTS: [string, string][] = [
  [
    'statement-sbi',
    `${STATEMENT_BANNER}Txn Date,Value Date,Description,Ref No./Cheque No.,Debit,Credit,Balance\n` +
      '15 Jan 2024,15 Jan 2024,WDL TFR UPI/DR/512345678901/ZORVANQU/HDFC/zorvan.q@okhdfcbank/UPI AT 00123 SAMPLE,,"1,23,456.00",,"2,000.00Cr"\n' +
      '16 Jan 2024,16 Jan 2024,DEP TFR UPI/CR/612345678902/EMIRA TE/SBIN/EMIRA.T@OKSBI/UPI,,,"5,000.00","7,000.00Cr"\n' +
      '17 Jan 2024,17 Jan 2024,ATM WDL SAMPLE NAGAR,,500.00,,"6,500.00Cr"\n',
  ],
  [
    'statement-hdfc',
    `${STATEMENT_BANNER}Date,Narration,Value Dt,Chq./Ref.No.,Withdrawal Amt.,Deposit Amt.,Closing Balance\n` +
      '15/01/24,UPI-ZORVAN Q-zorvan.q@okhdfcbank-HDFC0000001-512345678901-rent,15/01/24,0000512345678901,"1,23,456.00",,2000.00\n' +
      '16/01/24,UPI-EMIRA T-emira.t@oksbi-SBIN0000002-612345678902-food,16/01/24,0000612345678902,,"5,000.00",7000.00\n' +
      '17/01/24,NEFT CR-HDFC0001234-SAMPLE EXPORTS-HOLDER-N123456789012345,17/01/24,N123456789012345,,100.00,7100.00\n',
  ],
  [
    'statement-axis',
    `${STATEMENT_BANNER}Tran Date,CHQNO,Particulars,DR,CR,BAL\n` +
      '15-01-2024,,UPI/P2A/512345678901/ZORVAN Q/zorvan.q@okhdfcbank/UPI,123456.00,,2000.00\n' +
      '16-01-2024,,UPI/P2A/612345678902/EMIRA T/emira.t@oksbi/UPI,,5000.00,7000.00\n' +
      '17-01-2024,,IMPS/P2A/712345678903/TESTOVA E/SBI/imps,100.00,,6900.00\n',
  ],
  [
    'statement-icici',
    `${STATEMENT_BANNER}S No.,Transaction Date,Value Date,Transaction Remarks,Amount,Balance\n` +
      '1,15-Jan-2024,15-Jan-2024,UPI/512345678901/rent/zorvan.q@okhdfcbank/HDFC,-123456.00,2000.00\n' +
      '2,16-Jan-2024,16-Jan-2024,UPI/612345678902/food/emira.t@oksbi/SBI,5000.00,7000.00\n' +
      '3,17-Jan-2024,17-Jan-2024,ATM CASH WDL,-100.00,6900.00\n',
  ],
];

export const REGISTER =
  'Hotel : Synthetic Residency, Sample Nagar, Mumbai\n' +
  'Guest Name,Age,Gender,Nationality,Address,ID Type,ID Number,Mobile,Room,Check-in Date,Check-in Time,Check-out Date,Check-out Time,Companions,Passport No,Visa No\n' +
  'Zorvan Quillet,34,M,Indian,"12 Test Lane, Sample Nagar",PAN,ABCPQ1234R,+91 98201 23456,204,15/04/2026,10:12 PM,17/04/2026,09:00 AM,Emira Testova,,\n' +
  'Ivo Synthetico,41,M,Utopian,,Passport,,,305,16-04-26,14:00,,,,Z1234567,V-00042\n' +
  'Nobody Dated,30,F,Indian,,,,,101,someday,,,,,,\n';

export const IPDR =
  'Landline/MSISDN/MDN/Leased Circuit ID for Internet Access,User Id,Source IP Address,Source Port,Translated (Public) IP Address,Translated (Public) Port,Destination IP Address,Destination Port,Static/Dynamic IP Address Allocation,Start Date,Start Time,End Date,End Time,IMEI,IMSI,First CELL ID,Session Duration\n' +
  '919820123456,,100.64.1.2,40000,2001:db8:1:2:3:4:5:6,50000,2001:db8:ff::1,443,Dynamic,15/04/2026,10:12:00,15/04/2026,10:20:00,490154203237518,,404-98-8331-230711555,480\n';
