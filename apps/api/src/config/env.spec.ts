import { InvalidEnvironmentError, loadEnv } from './env';

describe('environment validation', () => {
  it('fills defaults for a newcomer with nothing set', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEMO_DATA).toBe(true);
    expect(env.EMBEDDED_PG_DIR).toMatch(/\.data[/\\]postgres$/);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres/);
    try {
      loadEnv({ PORT: '70000', LOG_LEVEL: 'loud' });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEnvironmentError);
      expect((error as InvalidEnvironmentError).problems.map((p) => p.split(' ')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT']);
    }
  });

  it('treats an empty value as unset', () => {
    expect(loadEnv({ PORT: '' }).PORT).toBe(3000);
  });
});
