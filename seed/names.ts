/** Word lists the demo data is made of. Company names are two word halves and a line of business. */

export const NAME_HEADS = [
  'Blue', 'North', 'Silver', 'Bright', 'Iron', 'Clear', 'Red', 'Green', 'Stone', 'Swift', 'High', 'Deep',
  'Sun', 'Star', 'Oak', 'Pine', 'Cedar', 'Maple', 'River', 'Lake', 'Ocean', 'Storm', 'Cloud', 'Frost',
  'Golden', 'Summit', 'Prime', 'True', 'Bold', 'Quick', 'Wild', 'Open', 'Silent', 'Noble', 'Rapid', 'Arc',
  'Nova', 'Vertex', 'Cobalt', 'Amber', 'Crystal', 'Falcon', 'Eagle', 'Fox', 'Wolf', 'Bear', 'Lynx', 'Orca',
] as const;

export const NAME_TAILS = [
  'peak', 'field', 'wind', 'point', 'bridge', 'gate', 'stone', 'wave', 'light', 'path', 'forge', 'works',
  'line', 'side', 'crest', 'haven', 'ridge', 'vale', 'brook', 'mark', 'scape', 'bay', 'port', 'view',
  'spring', 'hill', 'way', 'core', 'shift', 'loop', 'grid', 'base', 'leaf', 'root', 'beam', 'sky',
] as const;

export const NAME_KINDS = [
  'Analytics', 'Systems', 'Labs', 'Logistics', 'Health', 'Foods', 'Financial', 'Robotics', 'Media', 'Energy',
  'Software', 'Networks', 'Partners', 'Manufacturing', 'Retail', 'Biotech', 'Capital', 'Mobility', 'Security',
  'Cloud', 'Insurance', 'Consulting', 'Travel', 'Education', 'Pharma', 'Telecom', 'Games', 'Textiles',
] as const;

/** Legal entities of subsidiaries: name suffix, country domain, region and billing currency. */
export const ENTITIES = [
  { suffix: 'Inc.', tld: 'us', region: 'NA', currency: 'USD' },
  { suffix: 'Canada', tld: 'ca', region: 'NA', currency: 'USD' },
  { suffix: 'GmbH', tld: 'de', region: 'EMEA', currency: 'EUR' },
  { suffix: 'Ltd', tld: 'co.uk', region: 'EMEA', currency: 'GBP' },
  { suffix: 'SAS', tld: 'fr', region: 'EMEA', currency: 'EUR' },
  { suffix: 'B.V.', tld: 'nl', region: 'EMEA', currency: 'EUR' },
  { suffix: 'Pty Ltd', tld: 'com.au', region: 'APAC', currency: 'AUD' },
  { suffix: 'Pte Ltd', tld: 'sg', region: 'APAC', currency: 'USD' },
  { suffix: 'K.K.', tld: 'jp', region: 'APAC', currency: 'USD' },
  { suffix: 'Ltda', tld: 'com.br', region: 'LATAM', currency: 'USD' },
  { suffix: 'S.A. de C.V.', tld: 'mx', region: 'LATAM', currency: 'USD' },
] as const;

export const FIRST_NAMES = [
  'Maria', 'James', 'Aisha', 'Chen', 'Sofia', 'Lucas', 'Emma', 'Noah', 'Priya', 'Kenji', 'Olivia', 'Mateo',
  'Fatima', 'Liam', 'Hannah', 'Diego', 'Ingrid', 'Omar', 'Yuki', 'Grace', 'Ravi', 'Elena', 'Samuel', 'Chloe',
  'Ahmed', 'Lena', 'Daniel', 'Mei', 'Jonas', 'Amara', 'Carlos', 'Zoe', 'Tom', 'Nadia', 'Felix', 'Isabel',
] as const;

export const LAST_NAMES = [
  'Garcia', 'Smith', 'Okafor', 'Wang', 'Rossi', 'Silva', 'Müller', 'Johnson', 'Patel', 'Tanaka', 'Brown',
  'Lopez', 'Haddad', 'Murphy', 'Schmidt', 'Fernandez', 'Larsen', 'Nasser', 'Sato', 'Kim', 'Sharma', 'Novak',
  'Dubois', 'Martin', 'Hassan', 'Weber', 'Cohen', 'Li', 'Berg', 'Mensah', 'Costa', 'Walsh', 'Nguyen', 'Jensen',
] as const;

export const TITLES = [
  'VP Operations', 'Head of IT', 'CFO', 'Procurement Manager', 'Director of Engineering', 'COO',
  'Finance Manager', 'Head of Customer Support', 'CTO', 'Operations Manager', 'IT Administrator', 'Controller',
] as const;

/** Account owners (sales) per region, and the customer success managers. */
export const ACCOUNT_OWNERS: Record<string, readonly string[]> = {
  NA: ['alex.morgan', 'jordan.lee', 'taylor.brooks', 'casey.reed', 'riley.chen', 'morgan.hayes'],
  EMEA: ['anna.schneider', 'luca.bianchi', 'claire.martin', 'oliver.hughes', 'sven.olsen', 'marta.kowalska'],
  APAC: ['hiro.yamada', 'priya.nair', 'jack.wilson', 'mei.tan'],
  LATAM: ['gabriela.souza', 'diego.ramirez', 'valentina.rojas'],
};

export const CSMS = [
  'sam.porter', 'nina.kraus', 'leo.fontaine', 'ava.murray', 'ethan.cole', 'isla.grant', 'kai.tanaka', 'lucia.vega',
  'noor.haddad', 'ben.archer',
] as const;

export const STAFF_DOMAIN = 'hubdemo.example';

/** "Müller" → "muller", for e-mail addresses and domains. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
