import { Logger } from '@nestjs/common';

/**
 * Sends text messages to mainland mobile numbers. The only provider so far writes them to the
 * log; an SMS gateway (or WeChat) implements the same interface.
 */
export abstract class SmsProvider {
  abstract readonly description: string;
  abstract send(phone: string, text: string): Promise<void>;
}

export class LogSmsProvider extends SmsProvider {
  readonly description = 'SMS codes are written to this log (no SMS gateway is configured)';
  private readonly logger = new Logger('SMS');

  constructor() {
    super();
    this.logger.warn(this.description);
  }

  send(phone: string, text: string): Promise<void> {
    this.logger.warn({ phone, text }, `SMS to ${phone}: ${text}`);
    return Promise.resolve();
  }
}
