import os from 'node:os';
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

  it('runs one HTTP process unless told more, and one per core for auto', () => {
    expect(loadEnv({}).API_WORKERS).toBe(1);
    expect(loadEnv({ API_WORKERS: '3' }).API_WORKERS).toBe(3);
    expect(loadEnv({ API_WORKERS: 'auto' }).API_WORKERS).toBe(os.availableParallelism());
    expect(() => loadEnv({ API_WORKERS: '0' })).toThrow(/API_WORKERS/);
    expect(() => loadEnv({ API_WORKERS: 'many' })).toThrow(/API_WORKERS must be auto or a whole number/);
    expect(loadEnv({}).DB_POOL_SIZE).toBe(20);
    expect(() => loadEnv({ DB_POOL_SIZE: '1' })).toThrow(/DB_POOL_SIZE/);
  });

  it('takes TRUST_PROXY as a hop count or the proxies\' addresses, and refuses true', () => {
    expect(loadEnv({}).TRUST_PROXY).toBe(false);
    expect(loadEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadEnv({ TRUST_PROXY: '10.0.0.1, 172.16.0.0/12,loopback' }).TRUST_PROXY).toEqual(['10.0.0.1', '172.16.0.0/12', 'loopback']);
    expect(loadEnv({ TRUST_PROXY: 'fd00::/8' }).TRUST_PROXY).toEqual(['fd00::/8']);
    expect(() => loadEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY may not be true: .*number of proxies/);
    expect(() => loadEnv({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY must be false, a number of proxies/);
    expect(() => loadEnv({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/);
    expect(() => loadEnv({ TRUST_PROXY: '10.0.0.1,' })).toThrow(/TRUST_PROXY/);
  });

  it('checks the message channels: an SMS gateway with its address and token, WeChat all or nothing', () => {
    expect(loadEnv({}).SMS_PROVIDER).toBe('log');
    expect(() => loadEnv({ SMS_PROVIDER: 'http' })).toThrow(/SMS_PROVIDER http needs SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN/);
    expect(loadEnv({ SMS_PROVIDER: 'http', SMS_GATEWAY_URL: 'http://127.0.0.1:9/send', SMS_GATEWAY_TOKEN: 't' }).SMS_PROVIDER).toBe('http');
    expect(() => loadEnv({ WECHAT_APP_ID: 'wx0123456789abcdef' })).toThrow(/go together/);
    expect(() => loadEnv({ WECHAT_APP_ID: 'not-an-appid', WECHAT_APP_SECRET: '0123456789abcdef', WECHAT_TEMPLATE_ID: 't' })).toThrow(/WECHAT_APP_ID/);
    expect(() => loadEnv({ PUBLIC_URL: 'https://yishi.example.cn/path' })).toThrow(/PUBLIC_URL/);
    expect(loadEnv({}).MESSAGE_QUIET_HOURS).toBe('21-8');
    expect(() => loadEnv({ MESSAGE_QUIET_HOURS: '25-8' })).toThrow(/MESSAGE_QUIET_HOURS/);
    expect(() => loadEnv({ MESSAGES_PER_DAY: '0' })).toThrow(/MESSAGES_PER_DAY/);
  });
});
