// The locale list lives in src/locale/; this path stays for the modules that import it from here.
export { LOCALES, type Locale, toLocale } from './locale/locales';
