import { Logger } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Transporter } from 'nodemailer';

export interface OutgoingMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** A failure the next attempt cannot fix (the server refused the message or recipient for good). */
export class PermanentMailError extends Error {}

/**
 * SMTP through nodemailer when SMTP_URL is set; otherwise every message is written as an .eml file
 * under var/mail (the embedded default), so nothing is lost and a newcomer can open them.
 */
export class Mailer {
  /** Made at the first message: an api process whose worker runs elsewhere never loads nodemailer (2.4 MB of heap). */
  private transport: Transporter | null = null;
  private readonly logger = new Logger('Mailer');

  constructor(
    private readonly smtpUrl: string | null,
    private readonly from: string,
    private readonly mailDir: string,
  ) {
    if (!smtpUrl) this.logger.log(`SMTP_URL tidak diisi: e-mail ditulis sebagai berkas .eml di ${mailDir}`);
  }

  private open(): Transporter {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nodemailer = require('nodemailer') as typeof import('nodemailer');
    return this.smtpUrl
      ? nodemailer.createTransport({
          url: this.smtpUrl,
          pool: true,
          maxConnections: 4,
          maxMessages: 500,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
        } as never)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      this.transport ??= this.open();
      const info = await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      if (!this.smtpUrl) this.writeFile(mail.messageId, (info as unknown as { message: Buffer }).message);
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      if (code && code >= 500) throw new PermanentMailError(`${code} ${(err as Error).message}`);
      throw err;
    }
  }

  close(): void {
    this.transport?.close();
  }

  private writeFile(messageId: string, message: Buffer): void {
    mkdirSync(this.mailDir, { recursive: true });
    const file = path.join(this.mailDir, `${messageId.replace(/[^A-Za-z0-9.-]/g, '_')}.eml`);
    writeFileSync(file, message);
  }
}
