export function request(base: Options): Options {
  return {
    ...{ retries: 3, timeout: 500 },
    ...base,
    headers: merge(base.headers, { "x-flow": "new" }),
  };
}
