// National Provider Identifier check (CMS): ten digits whose last is a Luhn check digit computed
// as if the number were prefixed by 80840, the ISO 7812 issuer prefix for US health care.
const NPI_PATTERN = /^\d{10}$/;
const ISSUER_PREFIX = '80840';

/** Luhn check digit for a string of digits (the digit that would be appended to it). */
function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // Double every second digit counting leftwards from the position just before the check digit.
  [...digits].reverse().forEach((character, index) => {
    const digit = Number(character);
    const weighted = index % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  });
  return (10 - (sum % 10)) % 10;
}

export function isValidNpi(npi: string): boolean {
  if (!NPI_PATTERN.test(npi)) return false;
  return luhnCheckDigit(ISSUER_PREFIX + npi.slice(0, 9)) === Number(npi[9]);
}
