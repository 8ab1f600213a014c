/** The registry's strings that load with their feature (the enterprise change requests'). */
import "./enterprises/change-i18n";
