// Plain records from outside (storage, a file, a link), read safely: own properties only, so
// "constructor" is a fine id and a "__proto__" key is data, never a prototype.

export const isRecord = (value) =>
  value !== null && typeof value === "object" && !Array.isArray(value);

export const get = (record, key) =>
  isRecord(record) && Object.hasOwn(record, key) ? record[key] : undefined;

// A new record with these [key, value] pairs as own properties, even a key "__proto__".
export const recordOf = (pairs) => Object.fromEntries(pairs);

// The keys of every record given, each once.
export const keysOf = (...records) => [
  ...new Set(records.flatMap((record) => (isRecord(record) ? Object.keys(record) : []))),
];

export const parse = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
