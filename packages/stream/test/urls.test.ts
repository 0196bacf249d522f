import { describe, expect, it } from "vitest";
import { customerDomainFor, iframeUrl, normalizeCustomerDomain, playbackUrls, thumbnailUrl } from "../src/urls";

const DOMAIN = "https://customer-f33zs165nr7gyfy4.cloudflarestream.com";
const UID = "ea95132c15732412d22c1476fa83f27a";

describe("url builders", () => {
  it("builds the customer domain from its code", () => {
    expect(customerDomainFor("f33zs165nr7gyfy4")).toBe(DOMAIN);
    expect(() => customerDomainFor("bad/code")).toThrow(TypeError);
  });

  it("normalises a domain given without scheme or with a trailing slash", () => {
    expect(normalizeCustomerDomain("customer-f33zs165nr7gyfy4.cloudflarestream.com/")).toBe(DOMAIN);
    expect(normalizeCustomerDomain("http://localhost:3000/emulator/stream/")).toBe(
      "http://localhost:3000/emulator/stream",
    );
  });

  it("builds HLS and DASH manifest URLs, a token standing in for the uid", () => {
    expect(playbackUrls(`${DOMAIN}/`, UID)).toEqual({
      hls: `${DOMAIN}/${UID}/manifest/video.m3u8`,
      dash: `${DOMAIN}/${UID}/manifest/video.mpd`,
    });
    const token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-_";
    expect(playbackUrls(DOMAIN, token).hls).toBe(`${DOMAIN}/${token}/manifest/video.m3u8`);
  });

  it("builds an iframe URL with only the options given", () => {
    expect(iframeUrl(DOMAIN, UID)).toBe(`${DOMAIN}/${UID}/iframe`);
    const url = new URL(
      iframeUrl(DOMAIN, UID, {
        autoplay: true,
        muted: true,
        controls: false,
        loop: false,
        preload: "metadata",
        poster: `${DOMAIN}/${UID}/thumbnails/thumbnail.jpg?time=2s&height=270`,
        startTime: "1h12m27s",
        defaultTextTrack: "en-GB",
        primaryColor: "#f80",
        letterboxColor: "transparent",
      }),
    );
    expect(url.pathname).toBe(`/${UID}/iframe`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      autoplay: "true",
      muted: "true",
      controls: "false",
      loop: "false",
      preload: "metadata",
      poster: `${DOMAIN}/${UID}/thumbnails/thumbnail.jpg?time=2s&height=270`,
      startTime: "1h12m27s",
      defaultTextTrack: "en-GB",
      primaryColor: "#f80",
      letterboxColor: "transparent",
    });
    expect(url.search).toContain("poster=https%3A%2F%2F");
    expect(url.search).toContain("primaryColor=%23f80");
  });

  it("builds thumbnail URLs with time, size and fit", () => {
    expect(thumbnailUrl(DOMAIN, UID)).toBe(`${DOMAIN}/${UID}/thumbnails/thumbnail.jpg`);
    expect(thumbnailUrl(DOMAIN, UID, { time: 68, width: 320, height: 180.4, fit: "scale" })).toBe(
      `${DOMAIN}/${UID}/thumbnails/thumbnail.jpg?time=68s&width=320&height=180&fit=scale`,
    );
    expect(thumbnailUrl(DOMAIN, UID, { time: "5m2s" })).toBe(`${DOMAIN}/${UID}/thumbnails/thumbnail.jpg?time=5m2s`);
  });
});
