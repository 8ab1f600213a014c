import "./i18n";

/** The briefings add nothing to other features' pages: their strings only (the menu and route name the page). */
