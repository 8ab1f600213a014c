import { describe, expect, it } from "vitest";
import type { Role } from "@contracts/platform/auth";
import { buildActor } from "../auth/actor.js";
import { isPhotoOwner, photoOwnerOf } from "./photos.js";

const actor = (id: string, role: Role, enterpriseId: string | null = null) => buildActor({ id, username: id, displayName: id, role, enterpriseId });

describe("isPhotoOwner: who may attach an uploaded photo", () => {
  const contractorA = actor("u1", "enterprise", "A");
  const colleagueA = actor("u2", "enterprise", "A");
  const contractorB = actor("u3", "enterprise", "B");
  const inspector = actor("u4", "inspector");
  const leader = actor("u5", "leader");
  const projectUser = actor("u6", "project");
  const otherProjectUser = actor("u7", "project");

  it("an enterprise's upload is its users' own, no other enterprise's or the bureau's", () => {
    const owner = photoOwnerOf(contractorA);
    expect([contractorA, colleagueA].map((a) => isPhotoOwner(a, owner))).toEqual([true, true]);
    expect([contractorB, inspector, projectUser].map((a) => isPhotoOwner(a, owner))).toEqual([false, false, false]);
  });

  it("the bureau's upload is any bureau user's, no enterprise's", () => {
    const owner = photoOwnerOf(inspector);
    expect([inspector, leader].map((a) => isPhotoOwner(a, owner))).toEqual([true, true]);
    expect([contractorA, projectUser].map((a) => isPhotoOwner(a, owner))).toEqual([false, false]);
  });

  it("a project user without an enterprise is a party of one", () => {
    const owner = photoOwnerOf(projectUser);
    expect(isPhotoOwner(projectUser, owner)).toBe(true);
    expect([otherProjectUser, contractorA, inspector].map((a) => isPhotoOwner(a, owner))).toEqual([false, false, false]);
  });

  it("a system upload (no user) matches no user by id", () => {
    expect(isPhotoOwner(actor("u8", "enterprise", "A"), { uploadedBy: null, enterpriseId: null, cityWide: false })).toBe(false);
  });
});
