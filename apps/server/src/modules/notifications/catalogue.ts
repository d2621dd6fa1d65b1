// Every word Haven sends a person outside the app — bell notices and email — in one typed catalogue,
// keyed for translation: each locale implements the same `Catalogue`, so a key missing in one
// language is a type error. English now; Spanish arrives with the help-center work.
//
// Rules every entry keeps: no message content ever; in discreet mode (the `discreet.*` entries) no
// names and no times either; links point into Haven, where the person signs in to read more.

import type { AttendanceNotice } from '@haven/domain';

export type Locale = 'en';
export type Rendered = { subject: string; text: string };
export type Modality = 'video' | 'audio' | 'chat';

type SessionWords = { other: string; when: string };

/** What each notice needs to be written. */
export type Catalogue = {
  modality: Record<Modality, string>;
  bell: {
    sessionRequested(p: { client: string; what: string }): string;
    sessionBooked(p: { client: string; what: string }): string;
    confirmed(p: SessionWords): string;
    /** `withNote`: they wrote why. The note itself is read in Haven, never in a notice or an email. */
    declined(p: SessionWords & { withNote: boolean }): string;
    cancelled(p: SessionWords & { withNote: boolean }): string;
    rescheduled(p: SessionWords & { withNote: boolean }): string;
    cancelledProviderChanged(p: SessionWords): string;
    attendance: Record<AttendanceNotice, Record<'client' | 'provider', (p: SessionWords) => string>>;
    reminder(p: SessionWords & { what: string }): string;
    /** The one-or-many phrase of a booking notice: "a video session on …" / "3 video sessions from …". */
    booking(p: { count: number; modality: Modality; when: string }): string;
    /** To the client: their PHQ-9 / GAD-7 check-in is due. */
    rescreenDue(): string;
    /** To the provider and operators: a client's check-in answered item 9 above 0. */
    rescreenCrisis(p: { client: string }): string;
  };
  email: {
    newMessage(p: { sender: string; link: string }): Rendered;
    newRequest(p: { bell: string; link: string }): Rendered;
    newSession(p: { bell: string; link: string }): Rendered;
    sessionChanged(p: { bell: string; link: string }): Rendered;
    sessionCancelled(p: { bell: string; link: string }): Rendered;
    attendance(p: { bell: string; link: string }): Rendered;
    reminder(p: { bell: string; what: string; other: string; link: string }): Rendered;
    matched(): Rendered;
    providerLeft(p: { provider: string }): Rendered;
    safetyFollowUp(): Rendered;
    rescreenDue(p: { link: string }): Rendered;
    /** No name and no answers: the reader signs in to see who and what. */
    rescreenCrisis(p: { link: string }): Rendered;
    licencesExpired(p: { lines: string[] }): Rendered;
    /** To operators: the audit trail's verification failed. */
    auditBroken(p: { problem: string; link: string }): Rendered;
    /** To the other operators: a colleague opened a client's room under break-glass; someone must review it. */
    breakGlassOpened(p: { link: string }): Rendered;
    providerInvite(p: { firstName: string; link: string; expiresAt: Date }): Rendered;
    passwordReset(p: { link: string; minutes: number }): Rendered;
    passwordChanged(p: { how: 'reset' | 'change'; resetLink: string }): Rendered;
    verifyEmail(p: { link: string; hours: number }): Rendered;
    signUpRepeated(p: { signInLink: string; resetLink: string }): Rendered;
    /** The account is closed; the record is kept until the retention period ends, then destroyed. */
    accountClosed(p: { retainUntil: string }): Rendered;
    /** To the new address: the link that makes the change. */
    emailChangeConfirm(p: { link: string; hours: number }): Rendered;
    /** To the current address: a change was asked for; nothing happens until the new address confirms. */
    emailChangeRequested(p: { newEmail: string; resetLink: string }): Rendered;
    /** To an address that already has an account: no name, nothing about the account that asked. */
    emailChangeTaken(p: { signInLink: string }): Rendered;
    mfaReset(p: { link: string }): Rendered;
  };
  discreet: {
    newMessage(p: { link: string }): Rendered;
    session(p: { link: string | null }): Rendered;
    reminder(p: { link: string | null }): Rendered;
  };
};

const openHaven = (link: string | null) => (link ? `Open Haven to see it: ${link}` : 'Open Haven to see it.');
const careSignOff = 'Sign in to Haven to read more. Your room and your messages are where you left them.';
const withNote = (text: string, note: boolean) => (note ? `${text} They left a note about it on your sessions page.` : text);

const en: Catalogue = {
  modality: { video: 'video session', audio: 'audio session', chat: 'live chat session' },
  bell: {
    sessionRequested: ({ client, what }) => `${client} asked for ${what}. Confirm or decline it.`,
    sessionBooked: ({ client, what }) => `${client} booked ${what}.`,
    confirmed: ({ other, when }) => `${other} confirmed your session on ${when}.`,
    declined: ({ other, when, withNote: note }) =>
      `${other} could not take your session on ${when}; it has been returned to you.${note ? ' They left a note about it.' : ''} Choose another time on your sessions page.`,
    cancelled: ({ other, when, withNote: note }) => withNote(`${other} cancelled the session on ${when}.`, note),
    rescheduled: ({ other, when, withNote: note }) => withNote(`${other} moved your session to ${when}.`, note),
    cancelledProviderChanged: ({ other, when }) =>
      `Your session with ${other} on ${when} is cancelled because they are no longer your provider. It has been returned to you; book with your new provider from your sessions page.`,
    attendance: {
      declined: {
        client: ({ when }) => `Your request for ${when} was not confirmed in time, so it has been returned to you.`,
        provider: ({ other, when }) => `The request for ${when} was not confirmed before it started; it has been returned to ${other}.`,
      },
      provider_no_show: {
        client: ({ when }) => `Your provider did not join the session on ${when}. It has been returned to you, and we are sorry.`,
        provider: ({ other, when }) =>
          `You did not join the session with ${other} on ${when}; it was recorded as missed by you and returned to them.`,
      },
      client_no_show: {
        client: ({ when }) => `You did not join the session on ${when}, so it was recorded as missed and counts as used.`,
        provider: ({ other, when }) => `${other} did not join the session on ${when}; it was recorded as missed.`,
      },
    },
    reminder: ({ what, other, when }) => `Reminder: your ${what} with ${other} starts ${when}.`,
    booking: ({ count, modality, when }) => (count > 1 ? `${count} ${modality} sessions from ${when}` : `a ${modality} session on ${when}`),
    rescreenDue: () => 'Your check-in is ready: a few short questions about how you have been feeling.',
    rescreenCrisis: ({ client }) =>
      `${client} answered the question about thoughts of self-harm on a check-in. Please reach out to them today.`,
  },
  email: {
    newMessage: ({ sender, link }) => ({
      subject: `New message from ${sender}`,
      text: `${sender} sent you a new message in Haven.\n\nSign in to read it: ${link}\n\n(Messages are never included in email.)\n`,
    }),
    newRequest: ({ bell, link }) => ({ subject: 'A session request', text: `${bell}\n\n${link}\n` }),
    newSession: ({ bell, link }) => ({ subject: 'A new session', text: `${bell}\n\n${link}\n` }),
    sessionChanged: ({ bell, link }) => ({ subject: 'A change to your session', text: `${bell}\n\n${link}\n` }),
    sessionCancelled: ({ bell, link }) => ({ subject: 'A session was cancelled', text: `${bell}\n\n${link}\n` }),
    attendance: ({ bell, link }) => ({ subject: 'About your session', text: `${bell}\n\n${link}\n` }),
    reminder: ({ bell, what, other, link }) => ({ subject: `Reminder: ${what} with ${other}`, text: `${bell}\n\n${openHaven(link)}\n` }),
    matched: () => ({
      subject: 'You have been matched with a provider',
      text: `Good news: Haven has matched you with a provider.\n\n${careSignOff}\n`,
    }),
    providerLeft: ({ provider }) => ({
      subject: 'A change in your care team',
      text: `${provider} is no longer with Haven.\n\n${careSignOff}\n`,
    }),
    // No health detail leaves the service by email: operators read the case in the console.
    safetyFollowUp: () => ({
      subject: 'A client needs clinical follow-up',
      text: 'A client’s safety screening needs clinical follow-up today.\n\nOpen the operations console → Safety follow-up to see the case and record what was done.\n',
    }),
    rescreenDue: ({ link }) => ({
      subject: 'Your check-in is ready',
      text: `It has been a few weeks, so it is time for a short check-in: the same questions about mood and worry you answered before. It takes about three minutes, and your answers help you and your provider see how things are going.\n\nSign in to answer: ${link}\n`,
    }),
    rescreenCrisis: ({ link }) => ({
      subject: 'A client needs you today',
      text: `A client answered the question about thoughts of self-harm on a check-in. They have been shown crisis resources. Please sign in and reach out to them today.\n\n${link}\n`,
    }),
    auditBroken: ({ problem, link }) => ({
      subject: 'The audit trail did not verify',
      text: `Haven's daily check of the audit trail found a problem:\n\n${problem}\n\nSomeone may have changed the database directly. Keep the database and the blob store as they are, and see SECURITY.md (Verifying the audit trail). The console shows the last check: ${link}\n`,
    }),
    // Names no client and gives no reason: both are read in the console.
    breakGlassOpened: ({ link }) => ({
      subject: 'Break-glass access to review',
      text: `An operator opened a client's room under break-glass. A second operator reviews every such access: open the console, read the reason, and record what you checked.\n\n${link}\n`,
    }),
    licencesExpired: ({ lines }) => ({
      subject: `${lines.length} provider license(s) expired`,
      text: `These licenses no longer count for matching:\n\n${lines.join('\n')}\n`,
    }),
    // Says what happened and what to do if it was not them; never the operator's reason.
    mfaReset: ({ link }) => ({
      subject: 'Your two-step sign-in was reset',
      text: `Haven operations turned off two-step sign-in on your account, as asked, and signed you out everywhere.\n\nSign in with your password and set it up again: ${link}\n\nIf you did not ask for this, reply to this email or contact Haven support at once.\n`,
    }),
    providerInvite: ({ firstName, link, expiresAt }) => ({
      subject: 'You are invited to join Haven as a provider',
      text: `Hello ${firstName},\n\nYou have been invited to join Haven's provider network. Set your password and complete your profile here:\n\n${link}\n\nThis link works once and expires on ${expiresAt.toUTCString()}.\n`,
    }),
    passwordReset: ({ link, minutes }) => ({
      subject: 'Reset your Haven password',
      text: `Someone, hopefully you, asked to reset the password of your Haven account. Choose a new password here:\n\n${link}\n\nThis link works once and expires in ${minutes} minutes. If you did not ask, ignore this email: your password stays as it is.\n`,
    }),
    accountClosed: ({ retainUntil }) => ({
      subject: 'Your Haven account is closed',
      text: `Your Haven account is closed, as you asked. You have been signed out everywhere, your upcoming sessions are cancelled (one less than 24 hours away counts as a late cancellation) and your plan no longer renews.\n\nThe law asks us to keep your clinical record (messages, sessions, notes and screeners), encrypted, until ${retainUntil}. After that it is destroyed for good: the key that unlocks it is deleted.\n\nIf you did not ask for this, reply to this email at once.\n`,
    }),
    passwordChanged: ({ how, resetLink }) => ({
      subject: 'Your Haven password was changed',
      text: `The password of your Haven account was just ${how === 'reset' ? 'reset from an emailed link' : 'changed'}. ${how === 'reset' ? 'Every device that was signed in has been signed out.' : 'Your other signed-in devices have been signed out.'}\n\nIf this was not you, reset your password now and tell us: ${resetLink}\n`,
    }),
    verifyEmail: ({ link, hours }) => ({
      subject: 'Confirm your email for Haven',
      text: `Welcome to Haven. Confirm that this address is yours to finish creating your account:\n\n${link}\n\nThis link works once and expires in ${hours} hours. If you did not sign up, ignore this email and no account will be used.\n`,
    }),
    signUpRepeated: ({ signInLink, resetLink }) => ({
      subject: 'Someone tried to sign up with your address',
      text: `Someone, perhaps you, tried to create a Haven account with this email address, which already has one. Nothing has changed.\n\nTo get in, sign in: ${signInLink}\nForgot your password? Reset it: ${resetLink}\n\nIf this was not you, you need not do anything.\n`,
    }),
    emailChangeConfirm: ({ link, hours }) => ({
      subject: 'Confirm your new email for Haven',
      text: `Someone, hopefully you, asked to use this address for their Haven account. Confirm it here and Haven will send everything to this address from now on:\n\n${link}\n\nThis link works once and expires in ${hours} hours. If you did not ask, ignore this email: nothing changes.\n`,
    }),
    emailChangeRequested: ({ newEmail, resetLink }) => ({
      subject: 'A change of your Haven email was asked for',
      text: `Someone signed in to your Haven account asked to change its email address to ${newEmail}. Nothing changes until the link sent to that address is used; then your other signed-in devices are signed out.\n\nIf this was not you, reset your password now: ${resetLink}\n`,
    }),
    emailChangeTaken: ({ signInLink }) => ({
      subject: 'Someone tried to use your address on Haven',
      text: `Someone asked to move another Haven account to this email address, which already has an account. Nothing has changed, and your account is as it was.\n\nYou can sign in as usual: ${signInLink}\n\nIf this was not you, you need not do anything.\n`,
    }),
  },
  discreet: {
    newMessage: ({ link }) => ({
      subject: 'You have a new message',
      text: `You have a new message waiting in Haven.\n\nSign in to read it: ${link}\n`,
    }),
    session: ({ link }) => ({
      subject: 'An update about your session',
      text: `Something changed about one of your sessions.\n\n${openHaven(link)}\n`,
    }),
    reminder: ({ link }) => ({
      subject: 'Reminder: you have a session soon',
      text: `You have a session coming up soon.\n\n${openHaven(link)}\n`,
    }),
  },
};

const catalogues: Record<Locale, Catalogue> = { en };

export function catalogueFor(locale: Locale = 'en'): Catalogue {
  return catalogues[locale];
}
