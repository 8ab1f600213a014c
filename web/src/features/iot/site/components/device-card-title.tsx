import { Flex, Typography } from "antd";
import { Link } from "react-router";
import type { DeviceDto } from "@contracts/iot/devices";
import { OnlineStatus } from "../../components/tags";

/** A device card's head: name linking to the device, its code, and online state. */
export function DeviceCardTitle({ device }: { device: DeviceDto }) {
  return (
    <Flex justify="space-between" align="center" gap={8}>
      <span style={{ minWidth: 0, overflow: "hidden", textOverflow: "ellipsis" }}>
        <Link to={`/iot/devices/${device.id}`}>{device.name}</Link>{" "}
        <Typography.Text type="secondary" className="sc-mono" style={{ fontWeight: 400 }}>
          {device.code}
        </Typography.Text>
      </span>
      <span style={{ fontWeight: 400, fontSize: 13 }}>
        <OnlineStatus online={device.online} lastSeenAt={device.lastSeenAt} enabled={device.enabled} />
      </span>
    </Flex>
  );
}
