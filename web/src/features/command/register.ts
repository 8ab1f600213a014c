/** The command center feature's strings, loaded at start-up. */
import "./i18n";
