// Made-up people: common first names and surnames from many heritages, combined at random. No pool
// pairs a first name with a surname on purpose, and pairings that name a famous person (real or
// fictional) are redrawn, so no demo provider is anyone in particular.
import type { Gender } from '@haven/contract';
import type { StateFacts } from './population.ts';
import type { Rng } from './rng.ts';

type NamePool = {
  women: string[];
  men: string[];
  surnames: string[];
  /** Languages besides English a provider of this heritage may offer, and how often. */
  heritageLanguages: string[];
  heritageLanguageChance: number;
};

const words = (list: string) => list.split(' ');
const pool = (women: string, men: string, surnames: string, languages: string, chance: number): NamePool => ({
  women: words(women),
  men: words(men),
  surnames: words(surnames),
  heritageLanguages: words(languages),
  heritageLanguageChance: chance,
});

const pools = {
  white: pool(
    'Emily Sarah Jessica Ashley Lauren Megan Rachel Katherine Rebecca Elizabeth Amanda Melissa Heather Allison Claire Molly Caitlin Abigail Natalie Erin Julia Leah Anna Laura Bethany Courtney Shannon Colleen Kirsten Holly',
    'Matthew Daniel Andrew Ryan Brian Kevin Nathan Benjamin Thomas Eric Adam Jonathan Mark Gregory Samuel Owen Luke Ethan Aaron Caleb Colin Derek Tyler Jacob Neil Travis Graham Wesley',
    'Miller Anderson Thompson Martin Clark Lewis Walker Hall Allen Young King Wright Hill Green Baker Nelson Carter Mitchell Turner Phillips Parker Collins Morris Cook Rogers Cooper Reed Bailey Kelly Ward Richardson Wood Brooks Bennett Gray Hughes Price Sanders Myers Long Ross Foster Schmidt Novak Kowalski Olsen Larsen Sullivan Fischer Weber Becker Hoffman Keller Russo Marino Romano Lindqvist Brennan Walsh Doyle',
    'fr ru pt de it pl he',
    0.012,
  ),
  black: pool(
    'Imani Keisha Tamika Ebony Jasmine Nia Shanice Destiny Latoya Danielle Monique Aisha Kiara Tiana Brianna Janelle Alicia Simone Naomi Ayana Chanel Tasha Nichelle',
    'Jamal Darnell Andre Marcus Terrence Malik DeShawn Tyrone Jalen Darius Isaiah Xavier Cedric Reginald Maurice Jerome Elijah Dwayne Trevor Lamar Quentin Rashad',
    'Washington Banks Jackson Robinson Harris Coleman Bryant Gaines Wilkins Mosley Battle Dorsey Holloway Booker Tate Greene Simmons Rivers Boyd Ellison Mack Hawkins Grant Oliver Pierre Okafor Mensah Adeyemi',
    'ht fr am yo',
    0.025,
  ),
  hispanic: pool(
    'María Ana Sofía Valeria Camila Gabriela Daniela Lucía Isabel Carmen Alejandra Mariana Adriana Paola Verónica Rosa Elena Natalia Andrea Claudia Yesenia Marisol Ximena Guadalupe',
    'José Luis Carlos Juan Miguel Jorge Alejandro Diego Javier Ricardo Fernando Andrés Eduardo Rafael Héctor Manuel Raúl Óscar Mateo Emilio Julio Ramón Joaquín',
    'García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores Rivera Gómez Díaz Reyes Morales Cruz Ortiz Gutiérrez Chávez Ramos Ruiz Mendoza Vargas Castillo Jiménez Moreno Romero Herrera Medina Aguilar Vega Castro Delgado Soto Guerrero Navarro Cortés Salazar Fuentes',
    'pt fr',
    0.015,
  ),
  chinese: pool(
    'Mei Jing Xin Ying Lily Grace Vivian Cindy Amy Hui Yan Joyce',
    'Wei Jian Hao Ming Kevin Eric Jason Tony Vincent Bo Kai Lei',
    'Chen Wang Li Zhang Liu Huang Lin Wu Zhou Zhao Xu Sun Lu Guo Tang Feng He Luo',
    'zh',
    0.4,
  ),
  korean: pool(
    'Ji-woo Min-ji Seo-yeon Soo-jin Hana Eunice Esther Jenny Hye-jin Yuna',
    'Min-jun Ji-hoon Seung-ho Joon Sung-min Hyun-woo Jae-won Dong-hyun Paul Brian',
    'Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Shin Seo Kwon Hwang',
    'ko',
    0.4,
  ),
  vietnamese: pool(
    'Linh Lan Mai Thu Hoa Ngoc Trang Vy Thao Tien Kim-Anh',
    'Minh Tuan Duc Huy Khoa Long Phong Quang Hieu Bao Thanh',
    'Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ho Ngo Duong Ly',
    'vi',
    0.45,
  ),
  filipino: pool(
    'Maricel Joy Kristine Angelica Rowena Marites Liza Rhea Camille Janine Princess',
    'Rommel Arnel Jericho Ramil Romeo Noel Carlo Paolo Renato Jerome Marvin',
    'Santos Bautista Ocampo Aquino Villanueva Manalo Pascual Mercado Soriano Dizon Tolentino Macaraeg Sison',
    'tl',
    0.35,
  ),
  japanese: pool(
    'Yuki Emi Aiko Keiko Hana Mika Sakura Kana Rina Ayumi',
    'Kenji Hiroshi Takeshi Ryo Daisuke Kenta Shota Yuto Kaito Haruto',
    'Tanaka Suzuki Sato Takahashi Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Matsumoto',
    'ja',
    0.25,
  ),
  southAsian: pool(
    'Priya Ananya Divya Kavya Neha Pooja Shreya Sana Meera Nisha Anjali Ritu Deepa Farah Nadia Lakshmi Swati',
    'Arjun Rahul Vikram Rohan Nikhil Ravi Karan Aditya Faisal Suresh Anand Deepak Sameer Varun Harish Zain',
    'Patel Shah Sharma Singh Gupta Kumar Reddy Rao Iyer Mehta Desai Joshi Chowdhury Khan Ahmed Nair Bhatt Banerjee Das Menon Pillai Qureshi Siddiqui',
    'hi ur bn gu pa ta te',
    0.35,
  ),
  arab: pool(
    'Layla Yasmin Noor Fatima Mariam Rania Salma Dina Huda Lina Reem',
    'Omar Ahmad Khalid Youssef Karim Tariq Sami Hassan Ali Ibrahim Nabil Rami',
    'Haddad Khoury Nasser Saleh Hamdan Mansour Aziz Abboud Darwish Jaber Khalil Saad Najjar Barakat',
    'ar',
    0.4,
  ),
  persian: pool(
    'Shirin Leila Nazanin Parisa Roya Azadeh Mina Sara',
    'Reza Dariush Kourosh Amir Arash Babak Kian Navid',
    'Hosseini Rahimi Karimi Tehrani Ahmadi Moradi Jafari Sadeghi Rostami Farahani',
    'fa',
    0.4,
  ),
} satisfies Record<string, NamePool>;

export type Heritage = keyof typeof pools;
const heritages = Object.keys(pools) as Heritage[];

const neutralFirstNames = words(
  'Alex Jordan Sam Riley Taylor Casey Avery Quinn Rowan Sage Emerson Drew Skyler Reese Charlie Dakota Ari Jules',
);

// Pairings our pools could produce that name someone famous (or a famous character).
const famousNames = new Set(
  (
    'Samuel Jackson, Elijah Wood, Rachel Green, Rebecca Hall, Natalie Wood, Neil Young, Aaron Carter, Aaron Rogers, ' +
    'Ethan Allen, Graham Greene, Adam Grant, Lamar Jackson, Latoya Jackson, Marcus Allen, Maurice Greene, ' +
    'Danielle Brooks, Naomi Harris, Dwayne Carter, Jalen Green, Diego Rivera, Fernando Torres, Jorge Ramos, Juan Soto, ' +
    'Juan González, Carlos Delgado, Joaquín Castro, Raúl Castro, Julio Chávez, Ana Navarro, Grace Park, Daniel Kim, ' +
    'Jason Wu, Joyce Chen, Tariq Aziz, Farah Khan'
  ).split(', '),
);

/** How likely each heritage is among a state's providers: roughly its residents, white as the rest. */
const heritageWeightsByState = new Map<StateFacts, number[]>();
export function heritageWeights(facts: StateFacts): number[] {
  const cached = heritageWeightsByState.get(facts);
  if (cached) return cached;
  const asian = facts.asianShare;
  const shares: Record<Heritage, number> = {
    white: 0,
    black: facts.blackShare * 0.8,
    hispanic: facts.spanishShare * 0.8,
    chinese: asian * 0.28,
    korean: asian * 0.12,
    vietnamese: asian * 0.12,
    filipino: asian * 0.16,
    japanese: asian * 0.07,
    southAsian: asian * 0.25,
    arab: 0.014,
    persian: 0.006,
  };
  shares.white = Math.max(0.2, 1 - Object.values(shares).reduce((sum, share) => sum + share, 0));
  const weights = heritages.map((heritage) => shares[heritage]);
  heritageWeightsByState.set(facts, weights);
  return weights;
}

export function drawHeritage(rng: Rng, facts: StateFacts): Heritage {
  return rng.weightedPick(heritages, heritageWeights(facts));
}

export function drawName(rng: Rng, heritage: Heritage, gender: Gender): { firstName: string; lastName: string } {
  const own = pools[heritage];
  for (;;) {
    const firstNames = gender === 'woman' ? own.women : gender === 'man' ? own.men : rng.chance(0.6) ? neutralFirstNames : own.women;
    // Families mix: some surnames come from another heritage.
    const surnames = rng.chance(0.15) ? pools[rng.pick(heritages)].surnames : own.surnames;
    const firstName = rng.pick(firstNames);
    const lastName = rng.pick(surnames);
    if (!famousNames.has(`${firstName} ${lastName}`)) return { firstName, lastName };
  }
}

/** ISO 639-1 codes, English first; Spanish more likely where more people speak it. */
export function drawLanguages(rng: Rng, heritage: Heritage, facts: StateFacts): string[] {
  const languages = ['en'];
  const spanishChance = heritage === 'hispanic' ? 0.75 : 0.03 + facts.spanishShare * 0.15;
  if (rng.chance(spanishChance)) languages.push('es');
  const own = pools[heritage];
  if (rng.chance(own.heritageLanguageChance)) languages.push(rng.pick(own.heritageLanguages));
  return languages;
}
