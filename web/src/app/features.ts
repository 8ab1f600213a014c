/**
 * Every feature's registration, once at start-up: its strings, and the tabs and badges it adds to other
 * features' pages (components/detail-tabs). The shell is the one place that knows all the features.
 */
import "../features/admin/register";
import "../features/auth/register";
import "../features/cases/register";
import "../features/command/register";
import "../features/gas/register";
import "../features/home/register";
import "../features/iot/register";
import "../features/quality/register";
import "../features/registry/register";
import "../features/reports/register";
import "../features/risk/register";
import "../features/rules/register";
import "../features/safety/register";
import "../features/testing/register";
import "../features/workforce/register";
