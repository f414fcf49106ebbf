/**
 * The channel ports notifications leave through. Each adapter sends one message and either resolves (accepted by the
 * other side) or throws a {@link DeliveryError} saying whether a retry can help.
 */

/** A failed delivery: `permanent` when retrying cannot help (bad address, 4xx from a receiver), else transient. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}

/** Where and how a workspace sends e-mail. */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (465); otherwise STARTTLS is used when the server offers it. */
  readonly secure: boolean;
  readonly user?: string;
  readonly password?: string;
  /** The From header, e.g. `售后服务 <service@brand.example>`. */
  readonly from: string;
}

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** The delivery id; becomes the Message-ID and the `X-Proofdesk-Delivery` header so a resend can be recognised. */
  readonly deliveryId: string;
}

export interface EmailSender {
  send(settings: SmtpSettings, message: EmailMessage): Promise<void>;
}

export interface WebhookTarget {
  readonly url: string;
  /** The endpoint's signing secret (opened from its sealed form just before sending). */
  readonly secret: string;
}

/** The JSON body a webhook receives. */
export interface WebhookEvent {
  /** The delivery id (the outbox row's id): the same on every retry of this notification. */
  readonly id: string;
  readonly topic: string;
  readonly workspaceId: string;
  readonly createdAt: string;
  readonly subject: { readonly type: string; readonly id: string } | null;
  readonly title: { readonly zh: string; readonly en: string };
  readonly body: { readonly zh: string; readonly en: string };
  readonly link: string | null;
  readonly data: unknown;
}

export interface WebhookSender {
  send(target: WebhookTarget, event: WebhookEvent): Promise<void>;
}

/**
 * SMS: an interface for a provider to fill; none ships (see ADR 0015 and docs/notifications.md). An adapter for a
 * provider (Aliyun SMS, Tencent Cloud SMS, …) sends a pre-approved template with its parameters to a mainland
 * number, resolves when the provider accepted it, and throws a {@link DeliveryError} — permanent for a rejected
 * number or template, transient for throttling and outages. Chinese providers only send registered templates with
 * a registered signature (签名), so the message is a template code and parameters, not free text.
 */
export interface SmsSender {
  send(message: {
    /** E.164, e.g. +8613812345678. */
    readonly to: string;
    /** The provider's template code for this topic, configured per workspace. */
    readonly templateCode: string;
    readonly params: Readonly<Record<string, string>>;
    readonly deliveryId: string;
  }): Promise<void>;
}
