import { Button, Flex } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Permission } from "@contracts/platform/auth";
import type { HomeKind } from "@contracts/dashboard/home";
import { useCan } from "../../../auth/use-can";

type Shortcut = [to: string, label: string, permission: Permission];

/** The pages each kind of party works in most, named as in the menu; only those the user's role may open. */
const SHORTCUTS: Partial<Record<HomeKind, Shortcut[]>> = {
  contractor: [
    ["/cases", "menu.cases", "cases.read"],
    ["/iot/alarms", "menu.iotAlarms", "iot.read"],
    ["/workforce/workers", "menu.wfWorkers", "workforce.read"],
    ["/workforce/arrears", "menu.wfArrears", "workforce.read"],
    ["/safety/works", "safety.menu.works", "safety.read"],
    ["/safety/equipment", "safety.menu.equipment", "safety.read"],
    ["/testing/commissions", "testing.menu.commissions", "testing.read"],
  ],
  testing: [
    ["/testing/commissions", "testing.menu.commissions", "testing.read"],
    ["/testing/results", "testing.menu.results", "testing.read"],
    ["/testing/calculator", "testing.menu.calculator", "testing.read"],
  ],
  gas: [
    ["/gas/fill-console", "gasCyl.menu.console", "gas.manage"],
    ["/gas/cylinders", "gasCyl.menu.cylinders", "gas.read"],
    ["/gas/deliveries", "gasDelivery.menu.deliveries", "gas.read"],
    ["/gas/anomalies", "gasDelivery.menu.anomalies", "gas.read"],
    ["/gas/map", "gasPipelines.menu.map", "gas.read"],
    ["/gas/hazards", "gasPipelines.menu.hazards", "gas.read"],
    ["/gas/leaks", "gasLeaks.menu.leaks", "gas.read"],
    ["/cases", "menu.cases", "cases.read"],
  ],
};

/** 常用功能: a row of buttons into the party's everyday pages. */
export function QuickLinks({ kind }: { kind: HomeKind }) {
  const { t } = useTranslation();
  const can = useCan();
  const links = (SHORTCUTS[kind] ?? []).filter(([, , p]) => can(p));
  if (links.length === 0) return null;
  return (
    <Flex wrap gap={8}>
      {links.map(([to, label]) => (
        <Link key={to} to={to}>
          <Button>{t(label)}</Button>
        </Link>
      ))}
    </Flex>
  );
}
