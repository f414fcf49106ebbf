import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { DeliveryError, type EmailMessage, type EmailSender, type SmtpSettings } from './notify-ports.js';

/** How long to wait for the server at each step, in ms. */
const TIMEOUT_MS = 15_000;

/**
 * E-mail over SMTP with nodemailer: STARTTLS when offered (TLS from the start on `secure`), AUTH when a user is
 * set, UTF-8 text bodies and RFC 2047-encoded subjects, so a zh-CN subject arrives intact. A pooled transport is kept
 * per settings, so a burst of deliveries reuses its connections.
 */
export class SmtpEmailSender implements EmailSender {
  private readonly transports = new Map<string, nodemailer.Transporter<SMTPPool.SentMessageInfo>>();

  async send(settings: SmtpSettings, message: EmailMessage): Promise<void> {
    const transport = this.transportFor(settings);
    try {
      const info = await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.deliveryId}@proofdesk>`,
        headers: { 'X-Proofdesk-Delivery': message.deliveryId },
      });
      if (info.rejected.length > 0) throw new DeliveryError(`rejected: ${String(info.response)}`, true);
    } catch (error) {
      if (error instanceof DeliveryError) throw error;
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx replies (no such mailbox, relaying denied) will not change on retry; 4xx and lost connections may.
      const permanent = typeof code === 'number' && code >= 500;
      throw new DeliveryError(`smtp: ${(error as Error).message}`, permanent, { cause: error });
    }
  }

  private transportFor(settings: SmtpSettings): nodemailer.Transporter<SMTPPool.SentMessageInfo> {
    const key = JSON.stringify([settings.host, settings.port, settings.secure, settings.user, settings.password]);
    let transport = this.transports.get(key);
    if (!transport) {
      transport = nodemailer.createTransport({
        // Pooled: a burst of deliveries reuses a few connections instead of a TCP and SMTP handshake per message.
        pool: true,
        maxConnections: 3,
        maxMessages: 100,
        host: settings.host,
        port: settings.port,
        secure: settings.secure,
        ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
      });
      this.transports.set(key, transport);
    }
    return transport;
  }

  /** Closes pooled connections (tests, shutdown). */
  close(): void {
    for (const transport of this.transports.values()) transport.close();
    this.transports.clear();
  }
}
