/**
 * A validation finding about a framework file. `code` is a stable kebab-case string the UI translates;
 * `message` is a short English sentence for logs and the command line; `path` is the JSON path.
 */
export interface Problem {
  path: (string | number)[];
  code: string;
  message: string;
}

export function problem(path: (string | number)[], code: string, message: string): Problem {
  return { path, code, message };
}
