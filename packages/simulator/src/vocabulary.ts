/**
 * The simulator's fixed vocabulary: markets, genres, platforms and the word lists names are built from.
 * Weights are rough shares of a global streaming audience, not measurements; they only need to look plausible.
 */
import type { ContextType, GENDERS, Platform } from '@chorus/db';

export type NameStyle = 'en' | 'nordic' | 'de' | 'fr' | 'es' | 'pt' | 'ja' | 'ko' | 'yo' | 'hi' | 'nl' | 'it' | 'pl' | 'id';

export interface Market {
  code: string;
  /** Share of listeners. */
  listeners: number;
  /** Share of artists (music exporters weigh more). */
  artists: number;
  /** UTC offsets in minutes and their weights (no daylight saving: the rhythm only needs the rough hour). */
  offsets: ReadonlyArray<readonly [number, number]>;
  /** iOS share of the market's phones. */
  ios: number;
  style: NameStyle;
  /** Genre weight multipliers for listeners and artists of this market. */
  genres: Readonly<Record<string, number>>;
  /** How strongly the market prefers its own artists (home-market bias). */
  homeBias: number;
}

export const MARKETS: readonly Market[] = [
  { code: 'US', listeners: 22, artists: 26, offsets: [[-300, 47], [-360, 29], [-420, 7], [-480, 17]], ios: 0.55, style: 'en', genres: { 'hip-hop': 2, country: 3, 'r&b': 1.6, pop: 1.3 }, homeBias: 2.5 },
  { code: 'GB', listeners: 8, artists: 12, offsets: [[0, 1]], ios: 0.5, style: 'en', genres: { indie: 2.2, rock: 1.5, electronic: 1.5, soul: 1.3 }, homeBias: 3 },
  { code: 'DE', listeners: 7, artists: 5, offsets: [[60, 1]], ios: 0.35, style: 'de', genres: { electronic: 2.2, metal: 1.8, 'hip-hop': 1.4 }, homeBias: 4 },
  { code: 'SE', listeners: 3, artists: 5, offsets: [[60, 1]], ios: 0.5, style: 'nordic', genres: { pop: 1.8, metal: 1.8, electronic: 1.6, folk: 1.4 }, homeBias: 5 },
  { code: 'BR', listeners: 9, artists: 6, offsets: [[-180, 1]], ios: 0.15, style: 'pt', genres: { sertanejo: 12, latin: 2, pop: 0.8 }, homeBias: 9 },
  { code: 'MX', listeners: 6, artists: 4, offsets: [[-360, 1]], ios: 0.2, style: 'es', genres: { 'regional mexicano': 12, reggaeton: 4, latin: 4 }, homeBias: 8 },
  { code: 'JP', listeners: 5, artists: 4, offsets: [[540, 1]], ios: 0.65, style: 'ja', genres: { 'j-pop': 18, rock: 1.6, jazz: 1.5 }, homeBias: 12 },
  { code: 'FR', listeners: 5, artists: 4, offsets: [[60, 1]], ios: 0.35, style: 'fr', genres: { 'hip-hop': 2.2, electronic: 1.6, pop: 1.2 }, homeBias: 6 },
  { code: 'IN', listeners: 7, artists: 4, offsets: [[330, 1]], ios: 0.05, style: 'hi', genres: { bollywood: 20, pop: 0.8 }, homeBias: 12 },
  { code: 'NG', listeners: 3, artists: 3, offsets: [[60, 1]], ios: 0.1, style: 'yo', genres: { afrobeats: 14, 'hip-hop': 1.3 }, homeBias: 10 },
  { code: 'KR', listeners: 3, artists: 4, offsets: [[540, 1]], ios: 0.3, style: 'ko', genres: { 'k-pop': 18, 'r&b': 1.4 }, homeBias: 12 },
  { code: 'ES', listeners: 4, artists: 3, offsets: [[60, 1]], ios: 0.25, style: 'es', genres: { reggaeton: 4, latin: 3, pop: 1.2 }, homeBias: 6 },
  { code: 'CA', listeners: 3, artists: 3, offsets: [[-300, 60], [-360, 10], [-420, 15], [-480, 15]], ios: 0.55, style: 'en', genres: { country: 1.8, indie: 1.4, 'hip-hop': 1.4 }, homeBias: 3 },
  { code: 'AU', listeners: 3, artists: 3, offsets: [[600, 70], [570, 10], [480, 20]], ios: 0.55, style: 'en', genres: { indie: 1.6, rock: 1.4, electronic: 1.3 }, homeBias: 3 },
  { code: 'NL', listeners: 2, artists: 2, offsets: [[60, 1]], ios: 0.45, style: 'nl', genres: { electronic: 3, 'hip-hop': 1.3 }, homeBias: 4 },
  { code: 'IT', listeners: 3, artists: 2, offsets: [[60, 1]], ios: 0.3, style: 'it', genres: { pop: 1.6, 'hip-hop': 1.6, classical: 1.5 }, homeBias: 6 },
  { code: 'PL', listeners: 2, artists: 1.5, offsets: [[60, 1]], ios: 0.2, style: 'pl', genres: { 'hip-hop': 2.2, rock: 1.3 }, homeBias: 6 },
  { code: 'ID', listeners: 2, artists: 1.5, offsets: [[420, 1]], ios: 0.1, style: 'id', genres: { pop: 1.8, 'r&b': 1.3 }, homeBias: 7 },
  { code: 'IS', listeners: 0.2, artists: 1, offsets: [[0, 1]], ios: 0.5, style: 'nordic', genres: { folk: 2.5, electronic: 2, indie: 1.5 }, homeBias: 5 },
  { code: 'AR', listeners: 2, artists: 1.5, offsets: [[-180, 1]], ios: 0.15, style: 'es', genres: { latin: 3, rock: 2, reggaeton: 2 }, homeBias: 6 },
];

/** Base genre weights before a market's multipliers. */
export const GENRES: Readonly<Record<string, number>> = {
  pop: 10,
  'hip-hop': 9,
  rock: 6,
  indie: 5,
  electronic: 5,
  'r&b': 4,
  latin: 3,
  reggaeton: 3,
  country: 2.5,
  metal: 2,
  folk: 1.5,
  soul: 1.5,
  'k-pop': 1,
  'j-pop': 1,
  afrobeats: 1.2,
  bollywood: 1,
  sertanejo: 0.6,
  'regional mexicano': 0.6,
  jazz: 1,
  classical: 1,
};

/** Genres an artist of one genre often also gets tagged with. */
export const RELATED_GENRES: Readonly<Record<string, readonly string[]>> = {
  pop: ['dance', 'r&b', 'indie', 'electronic'],
  'hip-hop': ['rap', 'trap', 'r&b'],
  rock: ['alternative', 'indie', 'metal'],
  indie: ['alternative', 'folk', 'dream pop'],
  electronic: ['house', 'techno', 'dance'],
  'r&b': ['soul', 'pop', 'neo soul'],
  latin: ['pop', 'reggaeton', 'salsa'],
  reggaeton: ['latin', 'trap latino', 'dembow'],
  country: ['americana', 'folk'],
  metal: ['rock', 'hardcore'],
  folk: ['acoustic', 'indie'],
  soul: ['r&b', 'funk', 'gospel'],
  'k-pop': ['pop', 'dance'],
  'j-pop': ['pop', 'anime', 'city pop'],
  afrobeats: ['afropop', 'amapiano'],
  bollywood: ['filmi', 'pop'],
  sertanejo: ['forró', 'pop'],
  'regional mexicano': ['corridos', 'banda', 'norteño'],
  jazz: ['soul', 'lounge'],
  classical: ['soundtrack', 'ambient'],
};

export { CONTEXT_TYPES, GENDERS, PLATFORMS } from '@chorus/db';
export type Gender = (typeof GENDERS)[number];

/** How listening splits across sources, before each listener's own leaning. */
export const SOURCE_WEIGHTS: Readonly<Record<ContextType, number>> = {
  library: 20,
  own_playlist: 14,
  playlist: 22,
  collaborative_playlist: 6,
  album: 12,
  artist: 8,
  search: 6,
  radio: 7,
  partner: 3,
  other: 2,
};

export const CLIENTS: Readonly<Record<Platform, readonly string[]>> = {
  ios: ['Chorus iOS 3.2', 'Chorus iOS 3.2', 'Chorus iOS 3.1', 'Chorus iOS 3.0', 'Chorus iOS 2.9'],
  android: ['Chorus Android 3.2', 'Chorus Android 3.1', 'Chorus Android 3.1', 'Chorus Android 3.0', 'Chorus Android 2.8'],
  web: ['Chorus Web Player', 'Chorus Web Player (Safari)', 'Chorus Web Player (Firefox)'],
  desktop: ['Chorus Desktop 2.9 (macOS)', 'Chorus Desktop 2.9 (Windows)', 'Chorus Desktop 2.8 (Windows)', 'Chorus Desktop 2.9 (Linux)'],
  car: ['Chorus CarPlay 3.2', 'Android Auto (Chorus 3.1)', 'Volvo Sensus', 'Polestar OS 4', 'Tesla Media'],
  speaker: ['Sonos S2', 'Chorus Connect (Bose)', 'Amazon Echo', 'Google Nest Audio'],
  tv: ['Chorus TV 1.4 (Android TV)', 'Chorus for Apple TV 1.3', 'Samsung Tizen (Chorus 1.2)'],
  other: ['Chorus Watch 1.1', 'PlayStation (Chorus 1.0)', 'Garmin Music'],
};

/** Listener age brackets as Spotify for Artists groups them, with rough shares and age ranges. */
export const AGE_MIX: ReadonlyArray<readonly [min: number, max: number, weight: number]> = [
  [13, 17, 8],
  [18, 22, 17],
  [23, 27, 18],
  [28, 34, 20],
  [35, 44, 18],
  [45, 59, 13],
  [60, 82, 6],
];

export const GENDER_MIX: ReadonlyArray<readonly [Gender | null, number]> = [
  ['female', 44],
  ['male', 45],
  ['non_binary', 2],
  ['other', 0.5],
  ['prefer_not_to_say', 3.5],
  [null, 5],
];

/** Given names and family names per naming style; accents kept, as real catalogs have them. */
export const PEOPLE: Readonly<Record<NameStyle, { first: readonly string[]; last: readonly string[] }>> = {
  en: {
    first: ['Ava', 'Noah', 'Maya', 'Eli', 'June', 'Rosie', 'Caleb', 'Harper', 'Jude', 'Nova', 'Ivy', 'Miles', 'Sadie', 'Wren', 'Otis', 'Hazel', 'Finn', 'Delia', 'Cole', 'Lena'],
    last: ['Hart', 'Lake', 'Brooks', 'Reed', 'Vance', 'Hale', 'Carter', 'Monroe', 'Sutton', 'Blake', 'Rivers', 'Quinn', 'Ellis', 'Fox', 'Marsh', 'Holloway', 'Pryce', 'Avery'],
  },
  nordic: {
    first: ['Sigrún', 'Björn', 'Astrid', 'Linnéa', 'Elin', 'Oskar', 'Freja', 'Håkan', 'Ingrid', 'Märta', 'Jónas', 'Saga', 'Tove', 'Ásgeir', 'Hildur', 'Åsa', 'Stína', 'Eyþór'],
    last: ['Ösp', 'Lindqvist', 'Åberg', 'Sjöberg', 'Ek', 'Holm', 'Strand', 'Dahlén', 'Björk', 'Nyström', 'Ågren', 'Löfgren', 'Þórsdóttir', 'Hallsson', 'Berglund'],
  },
  de: {
    first: ['Lena', 'Jonas', 'Mia', 'Felix', 'Jürgen', 'Anja', 'Lukas', 'Käthe', 'Moritz', 'Greta', 'Till', 'Jördis', 'Paul', 'Nele'],
    last: ['Müller', 'Schröder', 'Krüger', 'Vogel', 'Brandt', 'Weiß', 'Böhm', 'Fuchs', 'Köhler', 'Lang', 'Hoffmann', 'Jäger'],
  },
  fr: {
    first: ['Chloé', 'Léa', 'Hélène', 'Théo', 'Zoé', 'Amélie', 'Rémi', 'Inès', 'Gaël', 'Éloïse', 'Jérôme', 'Maëlle', 'Noé'],
    last: ['Lefèvre', 'Dubois', 'Moreau', 'Girard', 'Bélanger', 'Roux', 'Fontaine', 'Mercier', 'Chevalier', 'Gauthier', 'Lémieux'],
  },
  es: {
    first: ['Sofía', 'Mateo', 'Lucía', 'Inés', 'Julián', 'Ramón', 'Ximena', 'Álvaro', 'Valentina', 'Tomás', 'Camila', 'Andrés', 'Marisol'],
    last: ['Núñez', 'García', 'Peña', 'Ibáñez', 'Muñoz', 'Ríos', 'Fernández', 'Cortés', 'Salazar', 'Vega', 'Ordóñez', 'Cruz'],
  },
  pt: {
    first: ['João', 'Luísa', 'Thiago', 'Conceição', 'Márcio', 'Beatriz', 'Caio', 'Lívia', 'Tainá', 'Gabriel', 'Anaí', 'Renê'],
    last: ['Araújo', 'Gonçalves', 'Simões', 'Magalhães', 'Brandão', 'Souza', 'Lima', 'Ribeiro', 'Falcão', 'Assunção'],
  },
  ja: {
    first: ['Haruka', 'Ren', 'Yui', 'Sora', 'Aoi', 'Kaito', 'Hina', 'Riku', 'Mio', 'Yūto', 'Ōka', 'Natsuki'],
    last: ['Sato', 'Takahashi', 'Mori', 'Kobayashi', 'Ōno', 'Yamada', 'Nakamura', 'Saitō', 'Kondō', 'Ishii'],
  },
  ko: {
    first: ['Ji-woo', 'Min-jun', 'Seo-yeon', 'Ha-eun', 'Do-yun', 'Seo-jun', 'Yuna', 'Hye-jin', 'Tae-yang', 'Soo-ah'],
    last: ['Kim', 'Park', 'Lee', 'Choi', 'Jung', 'Kang', 'Yoon', 'Han', 'Seo', 'Shin'],
  },
  yo: {
    first: ['Chiamaka', 'Tunde', 'Ayọ̀', 'Folake', 'Emeka', 'Kelechi', 'Adaeze', 'Ṣeun', 'Tèmítọ́pẹ́', 'Bisi', 'Obinna', 'Zainab'],
    last: ['Adeyemi', 'Okafor', 'Balogun', 'Eze', 'Ọláńrewájú', 'Nwosu', 'Adébáyọ̀', 'Okonkwo', 'Bello', 'Ikenna'],
  },
  hi: {
    first: ['Aarav', 'Priya', 'Ananya', 'Rohan', 'Ishaan', 'Kavya', 'Meera', 'Arjun', 'Diya', 'Vihaan', 'Saanvi', 'Kabir'],
    last: ['Sharma', 'Iyer', 'Kapoor', 'Menon', 'Rao', 'Nair', 'Banerjee', 'Desai', 'Gill', 'Chauhan'],
  },
  nl: {
    first: ['Daan', 'Sanne', 'Femke', 'Joris', 'Noor', 'Sem', 'Lotte', 'Bram', 'Fleur', 'Ruben'],
    last: ['de Vries', 'Bakker', 'van Dijk', 'Visser', 'Smit', 'Meijer', 'de Jong', 'Mulder', 'Bos', 'van Leeuwen'],
  },
  it: {
    first: ['Giulia', 'Luca', 'Chiara', 'Matteo', 'Niccolò', 'Aurora', 'Elisa', 'Tommaso', 'Bianca', 'Lorenzo'],
    last: ['Rossi', 'Bianchi', 'Fabbri', 'Conti', 'Galli', 'Esposito', 'Mancini', 'Ricci', 'Lombardi', 'Colombo'],
  },
  pl: {
    first: ['Zofia', 'Jakub', 'Łucja', 'Paweł', 'Małgorzata', 'Wiktor', 'Ola', 'Bartosz', 'Kasia', 'Michał'],
    last: ['Nowak', 'Wójcik', 'Kowalska', 'Zieliński', 'Lewandowska', 'Kamiński', 'Dąbrowski', 'Szymańska', 'Król'],
  },
  id: {
    first: ['Putri', 'Bayu', 'Dewi', 'Andi', 'Sari', 'Rizky', 'Ayu', 'Dimas', 'Intan', 'Fajar'],
    last: ['Wijaya', 'Santoso', 'Pratama', 'Hidayat', 'Saputra', 'Kusuma', 'Lestari', 'Nugroho'],
  },
};

/** Syllables for invented one-word names ("Kaleo", "Mirávé"). */
export const SYLLABLES = {
  onset: ['k', 'l', 'm', 'n', 'r', 's', 't', 'v', 'z', 'b', 'd', 'f', 'j', 'sh', 'th', 'br', 'st', 'kr', 'dr', 'gl', 'h', 'y'],
  vowel: ['a', 'e', 'i', 'o', 'u', 'ai', 'ae', 'io', 'ia', 'ou', 'á', 'é', 'í', 'ó', 'ú', 'ö', 'ä', 'å', 'ë'],
  coda: ['', '', '', 'n', 'r', 'l', 's', 'x', 'th', 'm'],
} as const;

export const WORDS = {
  adjective: [
    'Golden', 'Velvet', 'Neon', 'Silver', 'Paper', 'Electric', 'Quiet', 'Wild', 'Hollow', 'Crimson', 'Northern', 'Broken', 'Lucid', 'Secret',
    'Tender', 'Wandering', 'Midnight', 'Frozen', 'Burning', 'Faded', 'Glass', 'Little', 'Endless', 'Violet', 'Restless', 'Salt', 'Static', 'Honey',
    'Distant', 'Sleepless', 'Cosmic', 'Amber', 'Lonely', 'Bright', 'Sacred', 'Blue',
  ],
  noun: [
    'Hour', 'River', 'Harbour', 'Lights', 'Summer', 'Tides', 'Heart', 'Mirror', 'Garden', 'Echo', 'Horizon', 'Satellite', 'Ocean', 'Fever',
    'Rain', 'Skyline', 'Shadows', 'Wolves', 'Daydream', 'Letters', 'Comet', 'Highway', 'Island', 'Window', 'Thunder', 'Bloom', 'Engine', 'Signal',
    'Winter', 'Stranger', 'Kingdom', 'Lullaby', 'Parade', 'Static', 'Moon', 'Fire', 'Ghosts', 'Waves', 'Dust', 'Avenue', 'Cathedral', 'Stars',
  ],
  band: [
    'Foxes', 'Tigers', 'Lanterns', 'Ravens', 'Machines', 'Sparrows', 'Comets', 'Hearts', 'Strangers', 'Pilots', 'Saints', 'Echoes', 'Tides',
    'Wolves', 'Orchids', 'Satellites', 'Kings', 'Daughters', 'Brothers', 'Ghosts', 'Swimmers', 'Dreamers', 'Mirrors', 'Owls',
  ],
  verb: ['Chasing', 'Holding', 'Falling', 'Running', 'Dancing', 'Waiting', 'Burning', 'Drifting', 'Calling', 'Dreaming', 'Breaking', 'Leaving'],
  single: [
    'Afterglow', 'Supernova', 'Wildfire', 'Paradise', 'Gravity', 'Heartbeat', 'Daylight', 'Undertow', 'Wanderlust', 'Overdrive', 'Moonlight',
    'Serenade', 'Stardust', 'Sunrise', 'Nostalgia', 'Rapture', 'Vertigo', 'Euphoria', 'Monsoon', 'Reverie',
  ],
};

/** Words in the language of a naming style, so some titles look local ("Corazón de Verano", "Sommarnatt"). */
export const LOCAL_TITLES: Partial<Record<NameStyle, readonly string[]>> = {
  es: ['Corazón', 'Canción de Verano', 'Noche Eterna', 'Mi Ciudad', 'Sin Ti', 'Luna Llena', 'Bailando Solos', 'Qué Será', 'Fuego Lento', 'Añoranza'],
  pt: ['Saudade', 'Coração Partido', 'Noite de São João', 'Meu Bem', 'Céu Aberto', 'Sertão', 'Ilusão', 'Amanhã', 'Canção do Mar'],
  fr: ['Été Indien', 'Mon Cœur', 'La Nuit Blanche', 'Étoile Filante', 'Là-bas', 'Déjà Vu', 'Rêverie', 'Chanson Triste', 'Soleil'],
  nordic: ['Sommarnatt', 'Hjärtat', 'Vinterljus', 'Norrsken', 'Fjällvind', 'Ljósið', 'Hafið', 'Midnattssol', 'Snö', 'Älska Mig'],
  de: ['Sehnsucht', 'Fernweh', 'Nachtzug', 'Mädchen', 'Über den Wolken', 'Zuhause', 'Morgenröte', 'Grüße', 'Schön'],
  ja: ['Sakura', 'Natsu no Owari', 'Hoshizora', 'Kimi no Koe', 'Yūyake', 'Tōkyō Night', 'Hikari', 'Kaze'],
  ko: ['Seoul Lights', 'Bom Nal', 'Haru', 'Saranghae', 'Byeol', 'Ggum', 'Neon Dream'],
  yo: ['Ìfẹ́', 'Lagos Nights', 'Ọmọ Mi', 'Ayé', 'Jollof Love', 'Ẹ̀rín', 'Owambe'],
  hi: ['Dil Se', 'Mohabbat', 'Barsaat', 'Sapne', 'Tere Bina', 'Chandni Raat', 'Mumbai Nights', 'Safar'],
  it: ['Cuore', 'Estate', 'Città Vuota', 'Perché', 'Notte Stellata', 'Amore Mio', 'Così Così'],
  pl: ['Miłość', 'Warszawa Nocą', 'Żegnaj', 'Gwiazdy', 'Ostatni Raz', 'Pół Serca'],
  nl: ['Zomeravond', 'Lieve Jij', 'Regen', 'Amsterdam', 'Thuis'],
  id: ['Rindu', 'Cinta', 'Senja', 'Hujan', 'Jakarta Malam'],
};
