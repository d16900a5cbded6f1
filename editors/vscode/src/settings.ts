// The `newslsp` configuration section as the server reads it: the shape of newslsp.json ({"rules": {...}}).
export const SEVERITIES = ['error', 'warning', 'information', 'hint', 'none'] as const;
export type SeverityName = typeof SEVERITIES[number];

export interface ServerSettings {
  rules: Record<string, SeverityName>;
}

/**
 * Turns the editor's `newslsp.rules` value into the server's section. Rule ids are upper-cased; values that are not
 * a severity are dropped (and reported back) rather than sent, so one typo does not make the server reject the rest.
 */
export function serverSettings(rules: unknown): { settings: ServerSettings; problems: string[] } {
  const settings: ServerSettings = { rules: {} };
  const problems: string[] = [];
  if (rules === undefined || rules === null) return { settings, problems };
  if (typeof rules !== 'object' || Array.isArray(rules)) {
    problems.push('newslsp.rules must be an object of rule id to severity');
    return { settings, problems };
  }
  for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
    const severity = typeof value === 'string' ? value.trim().toLowerCase() : value;
    if (typeof severity === 'string' && (SEVERITIES as readonly string[]).includes(severity)) {
      settings.rules[id.toUpperCase()] = severity as SeverityName;
    } else {
      problems.push(`newslsp.rules.${id}: expected one of ${SEVERITIES.join(', ')}`);
    }
  }
  return { settings, problems };
}

/** Substitutes `${workspaceFolder}` and `${output}` in the report command's arguments. */
export function reportArguments(template: readonly string[], workspaceFolder: string, output: string): string[] {
  return template.map(a => a.split('${workspaceFolder}').join(workspaceFolder).split('${output}').join(output));
}
