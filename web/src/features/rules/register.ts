/** The rules feature's strings (the thresholds page), loaded at start-up. */
import "./i18n";
