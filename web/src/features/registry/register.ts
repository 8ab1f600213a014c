/** The registry's strings; its pages show the other features' tabs, it registers none of its own. */
import "./i18n";
