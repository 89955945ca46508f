// Types of scripts/build-server.js (plain JavaScript, so it runs before anything is compiled).
export interface ServerBuild {
  dist: string;
  isCurrent(): boolean;
  build(): Promise<{ modules: number; assets: number }>;
  ensureBuilt(log?: (line: string) => void): Promise<boolean>;
}
export function serverBuild(root?: string): ServerBuild;
