/**
 * Where the synthetic world happens: districts that recur in Indian trafficking routes, as source areas
 * (where victims are recruited) and destinations (where they are exploited), with the police stations whose
 * anti-human-trafficking units register the FIRs. Stations and cases are invented; only the geography is real.
 */

export type Operator = 'Airtel' | 'Jio' | 'Vi' | 'BSNL';

export interface Place {
  /** Two-letter code as on plates and FIR keys. */
  stateCode: string;
  state: string;
  district: string;
  /** The city a hotel key names ("Hotel …, Mumbai"). */
  city: string;
  /** Telecom circle, as CDR banners name it. */
  circle: string;
  stations: readonly string[];
  /** RTO numbers of the district (two digits as the RTO records them). */
  rtos: readonly string[];
  lat: number;
  lon: number;
  /** A source of victims, a destination of exploitation, or both. */
  role: 'source' | 'destination' | 'both';
}

export const PLACES: readonly Place[] = [
  {
    stateCode: 'MH',
    state: 'Maharashtra',
    district: 'Mumbai City',
    city: 'Mumbai',
    circle: 'Mumbai',
    stations: ['Kamathipura PS', 'Nagpada PS', 'Grant Road PS'],
    rtos: ['01', '02', '03'],
    lat: 18.965,
    lon: 72.825,
    role: 'destination',
  },
  {
    stateCode: 'MH',
    state: 'Maharashtra',
    district: 'Pune City',
    city: 'Pune',
    circle: 'Maharashtra & Goa',
    stations: ['Budhwar Peth PS', 'Faraskhana PS'],
    rtos: ['12', '14'],
    lat: 18.52,
    lon: 73.857,
    role: 'destination',
  },
  {
    stateCode: 'DL',
    state: 'Delhi',
    district: 'Central Delhi',
    city: 'New Delhi',
    circle: 'Delhi',
    stations: ['Kamla Market PS', 'Paharganj PS'],
    rtos: ['10', '11', '12'],
    lat: 28.645,
    lon: 77.215,
    role: 'destination',
  },
  {
    stateCode: 'KA',
    state: 'Karnataka',
    district: 'Bengaluru Urban',
    city: 'Bengaluru',
    circle: 'Karnataka',
    stations: ['Upparpet PS', 'Cottonpet PS'],
    rtos: ['01', '02', '05'],
    lat: 12.975,
    lon: 77.575,
    role: 'destination',
  },
  {
    stateCode: 'TS',
    state: 'Telangana',
    district: 'Hyderabad',
    city: 'Hyderabad',
    circle: 'Andhra Pradesh & Telangana',
    stations: ['Begum Bazar PS', 'Chaderghat PS'],
    rtos: ['09', '10', '11'],
    lat: 17.375,
    lon: 78.475,
    role: 'destination',
  },
  {
    stateCode: 'GA',
    state: 'Goa',
    district: 'North Goa',
    city: 'Calangute',
    circle: 'Maharashtra & Goa',
    stations: ['Calangute PS', 'Anjuna PS'],
    rtos: ['01', '03'],
    lat: 15.544,
    lon: 73.762,
    role: 'destination',
  },
  {
    stateCode: 'WB',
    state: 'West Bengal',
    district: 'Kolkata',
    city: 'Kolkata',
    circle: 'Kolkata',
    stations: ['Shyampukur PS', 'Burtolla PS'],
    rtos: ['01', '02', '06'],
    lat: 22.59,
    lon: 88.36,
    role: 'both',
  },
  {
    stateCode: 'WB',
    state: 'West Bengal',
    district: 'South 24 Parganas',
    city: 'Canning',
    circle: 'West Bengal',
    stations: ['Canning PS', 'Diamond Harbour PS'],
    rtos: ['19', '20'],
    lat: 22.315,
    lon: 88.665,
    role: 'source',
  },
  {
    stateCode: 'JH',
    state: 'Jharkhand',
    district: 'Ranchi',
    city: 'Ranchi',
    circle: 'Bihar & Jharkhand',
    stations: ['Kotwali PS', 'Lalpur PS'],
    rtos: ['01'],
    lat: 23.345,
    lon: 85.31,
    role: 'source',
  },
  {
    stateCode: 'AS',
    state: 'Assam',
    district: 'Kamrup Metropolitan',
    city: 'Guwahati',
    circle: 'Assam',
    stations: ['Paltan Bazar PS', 'Latasil PS'],
    rtos: ['01'],
    lat: 26.18,
    lon: 91.75,
    role: 'source',
  },
  {
    stateCode: 'OD',
    state: 'Odisha',
    district: 'Ganjam',
    city: 'Berhampur',
    circle: 'Odisha',
    stations: ['Berhampur Town PS', 'Gopalpur PS'],
    rtos: ['07'],
    lat: 19.315,
    lon: 84.79,
    role: 'source',
  },
  {
    stateCode: 'BR',
    state: 'Bihar',
    district: 'Purnia',
    city: 'Purnia',
    circle: 'Bihar & Jharkhand',
    stations: ['Purnia Sadar PS', 'K. Hat PS'],
    rtos: ['11'],
    lat: 25.78,
    lon: 87.475,
    role: 'source',
  },
  {
    stateCode: 'RJ',
    state: 'Rajasthan',
    district: 'Jaipur',
    city: 'Jaipur',
    circle: 'Rajasthan',
    stations: ['Kotwali PS', 'Sindhi Camp PS'],
    rtos: ['14', '45'],
    lat: 26.915,
    lon: 75.82,
    role: 'destination',
  },
];

export const SOURCE_PLACES = PLACES.filter((p) => p.role !== 'destination');
export const DESTINATION_PLACES = PLACES.filter((p) => p.role !== 'source');

/** Mobile network codes under MCC 404/405 used in the dashed cell ids (INDIA.md §1.1). */
export const NETWORK_CODES: Readonly<Record<Operator, readonly string[]>> = {
  Airtel: ['404-10', '404-45', '404-49', '404-92', '404-98'],
  Jio: ['405-857', '405-861', '405-874'],
  Vi: ['404-20', '404-46', '404-86'],
  BSNL: ['404-34', '404-58', '404-64'],
};

/** Roughly the market shares of Indian mobile subscriptions, so CDR layouts appear in real proportions. */
export const OPERATOR_WEIGHTS: readonly (readonly [Operator, number])[] = [
  ['Jio', 40],
  ['Airtel', 33],
  ['Vi', 19],
  ['BSNL', 8],
];

export const OPERATORS: readonly Operator[] = ['Jio', 'Airtel', 'Vi', 'BSNL'];

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
