/**
 * react-admin's English messages, with notifications that say what happened in
 * this app's words ("Saved" rather than "Element created").
 */
import { defaultI18nProvider, type I18nProvider } from "react-admin";

const OVERRIDES: Record<string, string> = {
  "ra.notification.created": "Saved",
  "ra.notification.updated": "Saved",
  "ra.notification.deleted": "Deleted",
};

export const i18nProvider: I18nProvider = {
  ...defaultI18nProvider,
  translate: (key, options) => OVERRIDES[key] ?? defaultI18nProvider.translate(key, options),
};
