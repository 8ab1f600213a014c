/**
 * Hikvision face-terminal pushes as they arrive (DS-K1T671 class, ISAPI "HTTP listening", JSON), for the
 * parser's unit tests and the route's DB tests. `dateTime` is the terminal's Beijing time with offset.
 */
export function faceEvent(over: { employeeNoString?: string; subEventType?: number; attendanceStatus?: string; dateTime?: string; serialNo?: number } = {}) {
  return {
    ipAddress: "192.168.1.64",
    portNo: 80,
    protocol: "HTTP",
    macAddress: "24:0f:9b:3a:51:c7",
    channelID: 1,
    dateTime: over.dateTime ?? beijingTime(Date.now() - 30_000),
    activePostCount: 1,
    eventType: "AccessControllerEvent",
    eventState: "active",
    eventDescription: "Access Controller Event",
    AccessControllerEvent: {
      deviceName: "Access Controller",
      majorEventType: 5,
      subEventType: over.subEventType ?? 75,
      name: "张建国",
      cardReaderNo: 1,
      employeeNoString: over.employeeNoString ?? "W000001234",
      serialNo: over.serialNo ?? 4127,
      userType: "normal",
      currentVerifyMode: "cardOrFaceOrFp",
      currentEvent: true,
      frontSerialNo: 4126,
      attendanceStatus: over.attendanceStatus ?? "checkIn",
      label: "上班",
      statusValue: 0,
      mask: "no",
      helmet: "yes",
      picturesNumber: 1,
      purePwdVerifyEnable: true,
      FaceRect: { height: 0.292, width: 0.164, x: 0.411, y: 0.318 },
    },
  };
}

/** The terminal's keep-alive while idle. */
export const heartbeat = () => ({
  ipAddress: "192.168.1.64",
  portNo: 80,
  protocol: "HTTP",
  macAddress: "24:0f:9b:3a:51:c7",
  channelID: 1,
  dateTime: beijingTime(Date.now()),
  activePostCount: 0,
  eventType: "heartBeat",
  eventState: "active",
  eventDescription: "heartBeat",
});

/** An instant as the terminal writes it: local Beijing time with the +08:00 offset. */
export function beijingTime(ms: number): string {
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/** A tiny but genuine JPEG (SOI, APP0/JFIF, EOI) standing in for the snapshot. */
export const JPEG = Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex");

/**
 * The multipart body the terminal sends with a picture: the event JSON in `event_log`, then the JPEG in
 * `Picture` (filename and all, as the firmware writes it).
 */
export function multipartPush(event: unknown, picture: Buffer | null = JPEG, boundary = "MIME_boundary_7d3c1a2b") {
  const parts: Buffer[] = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="event_log"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(event)}\r\n`),
  ];
  if (picture) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="Picture"; filename="Picture.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), picture, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
