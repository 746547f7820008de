// Access levels as a bitmask: the data has combined levels ("Permissions management, Write"),
// so one action can carry several bits. Pure helpers, no catalog access.

export const AccessLevel = {
  List: 1,
  Read: 2,
  Write: 4,
  PermissionsManagement: 8,
  Tagging: 16,
} as const;

export type AccessLevelName = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

/** Display order, matching the IAM console's policy summary. */
export const ACCESS_LEVELS: ReadonlyArray<{ bit: number; name: AccessLevelName }> = [
  { bit: AccessLevel.List, name: 'List' },
  { bit: AccessLevel.Read, name: 'Read' },
  { bit: AccessLevel.Write, name: 'Write' },
  { bit: AccessLevel.PermissionsManagement, name: 'Permissions management' },
  { bit: AccessLevel.Tagging, name: 'Tagging' },
];

export function accessLevelNames(mask: number): AccessLevelName[] {
  return ACCESS_LEVELS.filter((l) => (mask & l.bit) !== 0).map((l) => l.name);
}

/** "Permissions management, Write" as the data writes it. */
export function formatAccessLevel(mask: number): string {
  return accessLevelNames(mask).join(', ');
}
