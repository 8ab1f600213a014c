/**
 * Deterministic signal models of a construction site: city weather, dust and noise with their daily
 * patterns, tower-crane lifting cycles, hoist trips and spray schedules. Every value is a pure function
 * of a seed and a time (epoch ms), so the seeded week of history and the live simulator draw from the
 * same curves and the simulator carries on where the history stops.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Asia/Shanghai has no daylight saving time: local time is always UTC+8. */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** FNV-1a of a string: the seed of a project's or device's curves. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A 32-bit hash of two integers (murmur3's finaliser); `i` may be any integer-valued number. */
export function mix(seed: number, i: number): number {
  let h = (seed ^ Math.imul(i | 0, 0x9e3779b1) ^ Math.imul(Math.floor(i / 4294967296) | 0, 0x7feb352d)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Uniform in [0, 1), the same for the same (seed, i). */
export const rand = (seed: number, i: number) => mix(seed, i) / 4294967296;
/** Uniform in [-1, 1). */
const jitter = (seed: number, i: number) => rand(seed, i) * 2 - 1;

/** Value noise in [-1, 1]: random levels every `periodMs`, cosine-interpolated so the curve is smooth. */
export function smooth(seed: number, t: number, periodMs: number): number {
  const x = t / periodMs;
  const i = Math.floor(x);
  const a = jitter(seed, i);
  const b = jitter(seed, i + 1);
  return a + (b - a) * ((1 - Math.cos(Math.PI * (x - i))) / 2);
}

/** Hour of the day in Asia/Shanghai, fractional (13.5 = 13:30). */
export const shanghaiHour = (t: number) => (((t + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS / HOUR_MS;
/** Days since 1970-01-01 on the Shanghai calendar. */
export const shanghaiDay = (t: number) => Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS);

const bump = (h: number, centre: number, width: number) => Math.exp(-(((h - centre) / width) ** 2));
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
export const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Site work hours: cranes and earthworks 07:00–11:30 and 13:00–18:00; hoists start earlier for the crews. */
export const isCraneWorking = (h: number) => (h >= 7 && h < 11.5) || (h >= 13 && h < 18);
const isHoistWorking = (h: number) => (h >= 6.5 && h < 11.5) || (h >= 12.5 && h < 18.5);
const isNight = (h: number) => h >= 22 || h < 6;

const CITY = 330_784;

export interface Weather {
  tempC: number;
  humidityPct: number;
  /** Wind at 10 m (a monitor's mast). */
  windMs: number;
}

// Weather is the same for the whole city and changes slowly: one value per minute serves every device.
const weatherCache = new Map<number, Weather>();

/** 永康's weather: seasonal mean (≈5 °C in January, ≈29 °C in July), a 14:00 peak, fronts every few days. */
export function weather(t: number): Weather {
  const minute = Math.floor(t / MINUTE_MS);
  let w = weatherCache.get(minute);
  if (!w) {
    if (weatherCache.size >= 20_000) weatherCache.clear();
    w = weatherAt(minute * MINUTE_MS);
    weatherCache.set(minute, w);
  }
  return w;
}

function weatherAt(t: number): Weather {
  const doy = (t / DAY_MS) % 365.2425;
  const seasonal = 17.5 - 12 * Math.cos((2 * Math.PI * (doy - 20)) / 365.2425);
  const diurnal = Math.cos((2 * Math.PI * (shanghaiHour(t) - 14)) / 24);
  const front = smooth(CITY + 1, t, 2.5 * DAY_MS);
  return {
    tempC: seasonal + 4 * diurnal + 3 * front + 0.3 * smooth(CITY + 2, t, 20 * MINUTE_MS),
    humidityPct: clamp(72 - 12 * diurnal - 8 * front + 10 * smooth(CITY + 3, t, 1.5 * DAY_MS), 25, 98),
    windMs: Math.max(0.2, 2.2 + 1.2 * smooth(CITY + 4, t, DAY_MS) + 0.8 * Math.max(0, diurnal) + 0.6 * smooth(CITY + 5, t, 3 * MINUTE_MS)),
  };
}

/** What makes one site differ from another: how dusty its works are and whether it ever works at night. */
export interface SiteModel {
  seed: number;
  dustiness: number;
  /** Share of nights with noisy work until 01:30 (most sites never). */
  nightWorkShare: number;
}

export function siteModel(projectId: string): SiteModel {
  const seed = hashString(projectId);
  return { seed, dustiness: 0.7 + rand(seed, 1) * 0.9, nightWorkShare: rand(seed, 2) < 0.15 ? 0.2 : 0 };
}

/** One or two dusty episodes a week (earthworks, a windy afternoon): extra PM10 of 110–230 µg/m³ for 20–90 minutes. */
function dustEpisode(site: SiteModel, t: number): number {
  const slotMs = 6 * HOUR_MS;
  const slot = Math.floor(t / slotMs);
  if (rand(site.seed + 20, slot) >= 0.12) return 0;
  const duration = (20 + rand(site.seed + 21, slot) * 70) * MINUTE_MS;
  const start = slot * slotMs + rand(site.seed + 22, slot) * (slotMs - duration);
  if (!isCraneWorking(shanghaiHour(start)) || t < start || t >= start + duration) return 0;
  const ramp = Math.min(1, (t - start) / (5 * MINUTE_MS), (start + duration - t) / (5 * MINUTE_MS));
  return (110 + rand(site.seed + 23, slot) * 120) * ramp;
}

/** PM10 without the per-reading sensor jitter, split into the regional background and the site's own dust. */
function pm10Parts(site: SiteModel, t: number): { background: number; site: number } {
  const h = shanghaiHour(t);
  // Morning and evening inversions hold dust down; the afternoon mixes it away.
  const diurnal = 1 + 0.25 * bump(h, 8, 2) + 0.3 * bump(h, 21, 3) - 0.2 * bump(h, 15, 3);
  const background = 45 * (1 + 0.5 * smooth(CITY + 10, t, 2 * DAY_MS)) * diurnal;
  const work = isCraneWorking(h) ? 1 : h >= 11.5 && h < 13 ? 0.3 : 0;
  const activity = site.dustiness * (15 + 10 * (smooth(site.seed + 11, t, 40 * MINUTE_MS) + 1)) * work;
  return { background, site: activity + dustEpisode(site, t) };
}

/** The PM10 level the site's spray controllers react to (µg/m³). */
export const sitePm10 = (site: SiteModel, t: number) => {
  const p = pm10Parts(site, t);
  return p.background + p.site;
};

/** Spray runs while PM10 is at or above 150 µg/m³ and about 15 minutes after, plus two scheduled 20-minute runs on work days. */
export function sprayState(site: SiteModel, t: number): 0 | 1 {
  const h = shanghaiHour(t);
  if ((h >= 10 && h < 10 + 1 / 3) || (h >= 15 && h < 15 + 1 / 3)) return 1;
  return sitePm10(site, t) >= 150 || sitePm10(site, t - 8 * MINUTE_MS) >= 150 || sitePm10(site, t - 15 * MINUTE_MS) >= 150 ? 1 : 0;
}

/** Boundary noise level (dB(A)) before the sensor jitter: quiet nights, busy work hours, some sites working late. */
export function siteNoise(site: SiteModel, t: number): number {
  const h = shanghaiHour(t);
  const drift = smooth(site.seed + 31, t, 20 * MINUTE_MS);
  if (isNight(h)) {
    const lateWork = (h >= 22 || h < 1.5) && rand(site.seed + 30, shanghaiDay(t - 6 * HOUR_MS)) < site.nightWorkShare;
    return lateWork ? 59 + 3 * drift : 44 + 3 * drift;
  }
  if (isCraneWorking(h)) return 62 + 4 * drift + 2 * (site.dustiness - 1);
  if (h < 7) return 50 + 2 * drift;
  if (h < 13) return 55 + 2 * drift;
  return 54 + 2 * drift;
}

// Value shapes are type aliases, not interfaces, so they are assignable to Record<string, number>.
export type EnvValues = {
  pm25: number;
  pm10: number;
  tsp: number;
  noise_db: number;
  temp_c: number;
  humidity_pct: number;
  wind_ms: number;
};

/** One reading of a dust-and-noise monitor; `deviceSeed` and `i` (the reading's index) drive the sensor jitter. */
export function envValues(site: SiteModel, deviceSeed: number, t: number, i: number): EnvValues {
  const p = pm10Parts(site, t);
  const w = weather(t);
  const grain = 1 + 0.06 * jitter(deviceSeed + 1, i);
  // Regional haze is mostly fine particles; construction dust is coarse.
  return {
    pm25: round((p.background * 0.6 + p.site * 0.25) * grain, 1),
    pm10: round((p.background + p.site) * grain, 1),
    tsp: round((p.background * 1.5 + p.site * 2.1) * grain, 1),
    noise_db: round(siteNoise(site, t) + 2.5 * jitter(deviceSeed + 2, i), 1),
    temp_c: round(w.tempC + 0.3 * jitter(deviceSeed + 3, i), 1),
    humidity_pct: round(clamp(w.humidityPct + jitter(deviceSeed + 4, i), 0, 100), 1),
    wind_ms: round(Math.max(0, w.windMs + 0.4 * jitter(deviceSeed + 5, i)), 1),
  };
}

// ---------------------------------------------------------------------------------------------------
// Tower crane

export interface CraneProfile {
  seed: number;
  /** The crane's type designation, e.g. "QTZ80 (TC5610-6)". */
  model: string;
  maxLoadT: number;
  jibM: number;
  /** Rated moment (t·m): the rated load at radius r is min(maxLoad, moment / r). */
  momentTm: number;
  /** Hook height under the trolley when fully raised. */
  towerM: number;
  /** Height of the building it serves (where loads are put down). */
  buildingM: number;
  cycleMs: number;
  offsetMs: number;
}

const CRANE_MODELS = [
  { model: "QTZ63 (TC5013)", maxLoadT: 6, jibM: 50, tipLoadT: 1.3 },
  { model: "QTZ80 (TC5610-6)", maxLoadT: 6, jibM: 56, tipLoadT: 1.0 },
  { model: "QTZ125 (TC6013-8)", maxLoadT: 8, jibM: 60, tipLoadT: 1.3 },
  { model: "QTZ160 (TC6516-10)", maxLoadT: 10, jibM: 65, tipLoadT: 1.6 },
] as const;

/** The crane behind a monitor, drawn from the device code so the seed and the simulator agree on it. */
export function craneProfile(code: string): CraneProfile {
  const seed = hashString(code);
  const m = CRANE_MODELS[mix(seed, 1) % CRANE_MODELS.length];
  const towerM = 40 + Math.floor(rand(seed, 2) * 70);
  return {
    seed,
    model: m.model,
    maxLoadT: m.maxLoadT,
    jibM: m.jibM,
    momentTm: m.tipLoadT * m.jibM,
    towerM,
    buildingM: Math.round(towerM * (0.4 + rand(seed, 3) * 0.4)),
    cycleMs: (240 + Math.floor(rand(seed, 4) * 180)) * 1000,
    offsetMs: Math.floor(rand(seed, 5) * 600_000),
  };
}

export const ratedLoadAt = (p: CraneProfile, radiusM: number) => Math.min(p.maxLoadT, p.momentTm / Math.max(radiusM, 1));

interface Lift {
  idle: boolean;
  pickR: number;
  dropR: number;
  pickSlew: number;
  dropSlew: number;
  loadT: number;
}

function lift(p: CraneProfile, k: number): Lift {
  const pickR = 6 + rand(p.seed + 101, k) * p.jibM * 0.45;
  const dropR = 8 + rand(p.seed + 102, k) * (p.jibM - 10);
  const pickSlew = rand(p.seed + 103, k) * 360;
  // The load is chosen against the rated load at the larger radius, so the moment stays at or below 88%.
  const loadT = (0.2 + rand(p.seed + 104, k) * 0.68) * ratedLoadAt(p, Math.max(pickR, dropR));
  return { idle: rand(p.seed + 100, k) < 0.2, pickR, dropR, pickSlew, dropSlew: pickSlew + jitter(p.seed + 105, k) * 150, loadT };
}

export type CraneValues = {
  load_t: number;
  rated_load_t: number;
  moment_pct: number;
  radius_m: number;
  height_m: number;
  slew_deg: number;
  wind_ms: number;
  tilt_deg: number;
};

const lerp = (a: number, b: number, f: number) => a + (b - a) * clamp(f, 0, 1);
const wrap360 = (deg: number) => ((deg % 360) + 360) % 360;

/**
 * The crane's monitor at time t. In work hours it repeats lifting cycles: hook on at the pick point, hoist,
 * slew and trolley out to the drop point, lower, unhook, return empty. Outside them it stands parked with
 * the hook up, weather-vaning with the wind.
 */
export function craneValues(p: CraneProfile, t: number, i: number): CraneValues {
  const h = shanghaiHour(t);
  let loadT = 0;
  let radius: number;
  let height: number;
  let slew: number;
  if (!isCraneWorking(h)) {
    radius = 12;
    height = p.towerM - 2;
    slew = 180 + 120 * smooth(p.seed + 7, t, 2 * HOUR_MS);
  } else {
    const k = Math.floor((t - p.offsetMs) / p.cycleMs);
    const u = (t - p.offsetMs - k * p.cycleMs) / p.cycleMs;
    const c = lift(p, k);
    const next = lift(p, k + 1);
    const top = Math.min(p.towerM - 2, p.buildingM + 8);
    if (c.idle) {
      [radius, height, slew] = [c.pickR, lerp(top, 2, u * 4), c.pickSlew];
    } else if (u < 0.1) {
      [radius, height, slew] = [c.pickR, 1.5, c.pickSlew];
    } else if (u < 0.2) {
      [loadT, radius, height, slew] = [c.loadT, c.pickR, lerp(1.5, top, (u - 0.1) / 0.1), c.pickSlew];
    } else if (u < 0.45) {
      const f = (u - 0.2) / 0.25;
      [loadT, radius, height, slew] = [c.loadT, lerp(c.pickR, c.dropR, f), top, lerp(c.pickSlew, c.dropSlew, f)];
    } else if (u < 0.55) {
      [loadT, radius, height, slew] = [c.loadT, c.dropR, lerp(top, p.buildingM + 1, (u - 0.45) / 0.1), c.dropSlew];
    } else if (u < 0.62) {
      [radius, height, slew] = [c.dropR, p.buildingM + 1, c.dropSlew];
    } else {
      const f = (u - 0.62) / 0.38;
      [radius, height, slew] = [lerp(c.dropR, next.pickR, f), lerp(top, 2, f), lerp(c.dropSlew, next.pickSlew, f)];
    }
  }
  const sensed = loadT > 0 ? Math.max(0, loadT + 0.02 * jitter(p.seed + 8, i)) : 0;
  const rated = ratedLoadAt(p, radius);
  return {
    load_t: round(sensed, 2),
    rated_load_t: round(rated, 2),
    moment_pct: round((sensed / rated) * 100, 1),
    radius_m: round(radius, 1),
    height_m: round(height, 1),
    slew_deg: round(wrap360(slew), 1),
    // The anemometer on the jib sees more wind than a monitor's mast at 10 m.
    wind_ms: round(Math.max(0, weather(t).windMs * 1.5 + 0.5 * jitter(p.seed + 9, i)), 1),
    tilt_deg: round(0.2 + 0.1 * smooth(p.seed + 10, t, HOUR_MS) + (sensed / rated) * 0.3, 2),
  };
}

// ---------------------------------------------------------------------------------------------------
// Construction hoist (施工升降机)

export interface HoistProfile {
  seed: number;
  model: string;
  ratedLoadKg: number;
  floors: number;
  floorM: number;
  speedMs: number;
  segmentMs: number;
  offsetMs: number;
}

const HOIST_STOP_S = 45;

export function hoistProfile(code: string): HoistProfile {
  const seed = hashString(code);
  const floors = 8 + Math.floor(rand(seed, 1) * 26);
  const speedMs = 0.9;
  const travelS = ((floors - 1) * 3) / speedMs;
  return {
    seed,
    model: rand(seed, 2) < 0.7 ? "SC200/200" : "SC200/200TD",
    ratedLoadKg: 2000,
    floors,
    floorM: 3,
    speedMs,
    segmentMs: Math.ceil(HOIST_STOP_S + travelS + 10) * 1000,
    offsetMs: Math.floor(rand(seed, 3) * 300_000),
  };
}

interface Trip {
  floor: number;
  people: number;
  loadKg: number;
}

/** Trips alternate: crews and material go up from the ground floor, the cage comes back down nearly empty. */
function trip(p: HoistProfile, k: number): Trip {
  const fromGround = (k & 1) === 0;
  const floor = fromGround ? 1 : 2 + Math.floor(rand(p.seed + 201, k) * (p.floors - 1));
  const people = fromGround ? 2 + Math.floor(rand(p.seed + 202, k) * 11) : Math.floor(rand(p.seed + 202, k) * 4);
  const cargo = Math.floor(rand(p.seed + 203, k) * (fromGround ? 900 : 200));
  return { floor, people, loadKg: people * 75 + cargo };
}

export type HoistValues = {
  load_kg: number;
  rated_load_kg: number;
  floor: number;
  height_m: number;
  speed_ms: number;
  people: number;
  door_open: number;
  tilt_deg: number;
};

/** The hoist at time t: a stop with the door open for loading, then a run to the next floor with the door shut. */
export function hoistValues(p: HoistProfile, t: number): HoistValues {
  const tilt = round(0.1 + 0.05 * smooth(p.seed + 10, t, HOUR_MS), 2);
  const rated = p.ratedLoadKg;
  if (!isHoistWorking(shanghaiHour(t))) {
    return { load_kg: 0, rated_load_kg: rated, floor: 1, height_m: 0, speed_ms: 0, people: 0, door_open: 0, tilt_deg: tilt };
  }
  const k = Math.floor((t - p.offsetMs) / p.segmentMs);
  const s = (t - p.offsetMs - k * p.segmentMs) / 1000;
  const here = trip(p, k);
  const next = trip(p, k + 1);
  const fromM = (here.floor - 1) * p.floorM;
  const toM = (next.floor - 1) * p.floorM;
  if (s < HOIST_STOP_S) {
    // The first seconds of a stop still carry what came in; then the door opens and the cage is reloaded.
    const loaded = s >= 5 ? here : trip(p, k - 1);
    const door = s >= 5 && s < 38 ? 1 : 0;
    return { load_kg: loaded.loadKg, rated_load_kg: rated, floor: here.floor, height_m: fromM, speed_ms: 0, people: loaded.people, door_open: door, tilt_deg: tilt };
  }
  const travelled = (s - HOIST_STOP_S) * p.speedMs;
  const distance = Math.abs(toM - fromM);
  const moving = travelled < distance;
  const height = moving ? fromM + Math.sign(toM - fromM) * travelled : toM;
  return {
    load_kg: here.loadKg,
    rated_load_kg: rated,
    floor: Math.round(height / p.floorM) + 1,
    height_m: round(height, 1),
    speed_ms: moving ? Math.sign(toM - fromM) * p.speedMs : 0,
    people: here.people,
    door_open: 0,
    tilt_deg: tilt,
  };
}
