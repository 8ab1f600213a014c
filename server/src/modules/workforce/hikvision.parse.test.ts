import { describe, expect, it } from "vitest";
import { hikvisionOk, parseHikvisionEvent } from "./hikvision.parse.js";
import { beijingTime, faceEvent, heartbeat, JPEG } from "./hikvision.test-fixtures.js";

/** Fixed instants for the samples with fixed dates; the others are written at the real now. */
const fixedNow = Date.parse("2026-03-15T00:00:00Z");
const now = Date.now();
const parse = (body: unknown, photo: Buffer | null = null, defaultDirection: "in" | "out" = "in", at = now) => parseHikvisionEvent(body, { defaultDirection, photo, now: at });

describe("Hikvision AccessControllerEvent push", () => {
  it("maps a verified face to a passage: employee number, direction from attendanceStatus, the terminal's instant, the picture", () => {
    const r = parse(faceEvent({ dateTime: "2026-03-15T07:58:03+08:00" }), JPEG, "in", fixedNow);
    expect(r).toEqual({
      kind: "access",
      input: { direction: "in", ts: Date.parse("2026-03-14T23:58:03Z"), workerNo: "W000001234", idNumber: null, personId: null, similarity: null, photo: JPEG },
    });
    const minuteAgo = Math.floor(now / 1000) * 1000 - 60_000;
    const out = parse(faceEvent({ attendanceStatus: "checkOut", dateTime: beijingTime(minuteAgo) }));
    expect(out).toMatchObject({ kind: "access", input: { direction: "out", ts: minuteAgo } });
  });

  it("uses the terminal's direction when the event has no attendance status, and Beijing time when dateTime has no zone", () => {
    const e = faceEvent({ attendanceStatus: "undefined", dateTime: "2026-03-14T18:30:00" });
    expect(parse(e, null, "out", fixedNow)).toMatchObject({ kind: "access", input: { direction: "out", ts: Date.parse("2026-03-14T10:30:00Z") } });
    const noStatus = faceEvent();
    delete (noStatus.AccessControllerEvent as Partial<typeof noStatus.AccessControllerEvent>).attendanceStatus;
    expect(parse(noStatus, null, "in")).toMatchObject({ kind: "access", input: { direction: "in" } });
  });

  it("reads an ID number as employee number (key-post holders) and the wrapped EventNotificationAlert form", () => {
    const r = parse({ EventNotificationAlert: faceEvent({ employeeNoString: "11010519491231002x" }) });
    expect(r).toMatchObject({ kind: "access", input: { idNumber: "11010519491231002X", workerNo: null } });
  });

  it("turns a failed face (76) into an unknown-face passage, whoever the terminal guessed", () => {
    expect(parse(faceEvent({ subEventType: 76, employeeNoString: "" }))).toMatchObject({ kind: "access", input: { workerNo: null, idNumber: null, personId: null } });
  });

  it("ignores heartbeats and events that are not passages", () => {
    expect(parse(heartbeat())).toEqual({ kind: "ignored", eventType: "heartBeat" });
    const doorOpened = faceEvent();
    Object.assign(doorOpened.AccessControllerEvent, { majorEventType: 3, subEventType: 1024 });
    expect(parse(doorOpened)).toMatchObject({ kind: "ignored" });
    expect(parse(faceEvent({ subEventType: 21 }))).toMatchObject({ kind: "ignored" });
  });

  it("refuses malformed events naming the field", () => {
    expect(parse([])).toMatchObject({ kind: "refused", reason: "bad_shape", path: "" });
    expect(parse({ eventType: "AccessControllerEvent", dateTime: beijingTime(now) })).toMatchObject({ kind: "refused", path: "AccessControllerEvent" });
    const noMinor = faceEvent();
    (noMinor.AccessControllerEvent as Record<string, unknown>).subEventType = "75";
    expect(parse(noMinor)).toMatchObject({ kind: "refused", path: "AccessControllerEvent.subEventType" });
    expect(parse(faceEvent({ employeeNoString: "" }))).toMatchObject({ kind: "refused", path: "AccessControllerEvent.employeeNoString" });
    expect(parse(faceEvent({ employeeNoString: "王/01" }))).toMatchObject({ kind: "refused", path: "AccessControllerEvent.employeeNoString" });
    expect(parse(faceEvent({ attendanceStatus: "sideways" }))).toMatchObject({ kind: "refused", path: "AccessControllerEvent.attendanceStatus" });
    expect(parse(faceEvent({ dateTime: "15/03/2026 07:58" }))).toMatchObject({ kind: "refused", reason: "bad_timestamp", path: "dateTime" });
    expect(parse(faceEvent({ dateTime: beijingTime(now - 40 * 86_400_000) }))).toMatchObject({ kind: "refused", reason: "bad_timestamp", path: "dateTime" });
    expect(parse(faceEvent(), Buffer.from("GIF89a"))).toMatchObject({ kind: "refused", path: "Picture" });
    const similar = faceEvent();
    (similar.AccessControllerEvent as Record<string, unknown>).similarity = 180;
    expect(parse(similar)).toMatchObject({ kind: "refused", reason: "out_of_range", path: "AccessControllerEvent.similarity" });
  });

  it("answers with an ISAPI ResponseStatus", () => {
    expect(hikvisionOk("/x")).toEqual({ requestURL: "/x", statusCode: 1, statusString: "OK", subStatusCode: "ok" });
  });
});
