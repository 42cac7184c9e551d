/**
 * IPDRs (INDIA.md §1.2): the DoT-standard layout and Airtel's "Dynamic IPDR". One row is one data session
 * of a number: the public (translated) IP it went out from — what a platform's logs will show — as a
 * used-ip sighting with the session's start and end, and the handset and cell as in a CDR. Destination
 * addresses (the servers reached) are not made entities: every subscriber reaches the same few, and they
 * would tie strangers together.
 */
import { isoIst, parseDateTime } from '../dates.js';
import { RowProblem, type RowEmitter, type RowView } from '../row-view.js';
import { fields, type MapContext, type Template } from './types.js';

function at(
  row: RowView,
  ctx: MapContext,
  date: string,
  time: string,
  required: boolean,
): number | undefined {
  const d = row.text(date);
  if (d === '') {
    if (required) throw new RowProblem(date, 'the session start is empty');
    return undefined;
  }
  const ms = parseDateTime(d, row.text(time), ctx.dateOrder[date] ?? 'dmy');
  if (ms === undefined)
    throw new RowProblem(date, `${JSON.stringify(d)} is not a date-time (DD/MM/YYYY HH:MM:SS)`);
  return ms;
}

function mapIpdrRow(row: RowView, emit: RowEmitter, ctx: MapContext): void {
  const phone = emit.key('phone', undefined, row.required('msisdn', 'the number'), 'msisdn')!;
  const start = at(row, ctx, 'startDate', 'startTime', true)!;
  const end = at(row, ctx, 'endDate', 'endTime', false);
  emit.entity(phone);
  const ipText = (row.text('publicIp') || row.text('sourceIp')).replace(/^\[|\](:\d+)?$/g, '');
  const field = row.text('publicIp') ? 'publicIp' : 'sourceIp';
  const ip = emit.key('ip', undefined, ipText, field, true);
  if (ip)
    emit.link('used-ip', phone, ip, {
      at: isoIst(start),
      ...(end !== undefined && end >= start ? { endAt: isoIst(end) } : {}),
    });
  const imei = emit.key('device', undefined, row.text('imei'), 'imei', true);
  if (imei) emit.sighting('in-device', phone, imei, start);
  const cell = emit.key('location', 'cell', row.text('firstCell'), 'firstCell', true);
  if (cell) emit.sighting('seen-at', phone, cell, start);
}

export const IPDR: Template = {
  id: 'ipdr',
  label: 'IPDR (DoT standard, Airtel dynamic)',
  documentType: 'ipdr',
  dateOrder: 'dmy',
  fields: fields({
    msisdn: {
      synonyms: [
        'Landline/MSISDN/MDN/Leased Circuit ID for Internet Access',
        'MSISDN_userID',
        'MSISDN',
        'MDN',
        'User Id',
      ],
      required: true,
    },
    sourceIp: { synonyms: ['Source IP Address', 'Source_Private_IPV4', 'Source IP'] },
    publicIp: {
      synonyms: [
        'Translated (Public) IP Address',
        'Translated IP',
        'Source_Public_IPv4',
        'Source_Public_IPv6',
        'Public IP',
      ],
    },
    startDate: {
      synonyms: ['Start Date', 'Session_Start_Time', 'Session Start Date'],
      required: true,
      date: true,
    },
    startTime: { synonyms: ['Start Time', 'IST Start Time', 'Start Time (IST)'] },
    endDate: { synonyms: ['End Date', 'Session_End_Time', 'Session End Date'], date: true },
    endTime: { synonyms: ['End Time', 'IST End Time', 'End Time (IST)'] },
    imei: { synonyms: ['IMEI', 'Source MAC-ID/Other device Identification number'] },
    imsi: { synonyms: ['IMSI'] },
    firstCell: { synonyms: ['First CELL ID', 'CGI', 'First Cell ID'] },
    apn: { synonyms: ['Access Point Name', 'APN'] },
    uplink: { synonyms: ['Data Volume Up Link', 'Uplink_Vol'] },
    downlink: { synonyms: ['Data Volume Down Link', 'Downlink_Vol'] },
  }),
  map: mapIpdrRow,
};
