/** How notifications behave; read from the environment by `config.ts`. */
export interface NotifyConfig {
  /** Base of every link in a mail (PARLEY_PUBLIC_URL), without a trailing slash. */
  publicUrl: string;
  /** False when no SMTP server is configured: then no mail is queued at all (webhooks still are). */
  mail: boolean;
  /** The sender (PARLEY_MAIL_FROM), used for Message-IDs. */
  from: string;
  /** Addresses told about held comments (PARLEY_MODERATOR_EMAILS). */
  moderators: string[];
  /** One mail per held comment, a digest every `digestMinutes`, or none. */
  moderatorMail: 'each' | 'digest' | 'off';
  digestMinutes: number;
  /** How long approve/reject links work. */
  linkHours: number;
}
