export type DeviceOption = { value: string; label: string };

export type DeviceChoice = { cameraId: string | null; microphoneId: string | null };

export function canUseMediaDevices(): boolean {
  return typeof navigator !== "undefined" && Boolean(navigator.mediaDevices?.getUserMedia);
}

/** Camera and microphone, the chosen ones when there is a choice; asks for permission the first time. */
export function openCamera({ cameraId, microphoneId }: DeviceChoice): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    video: cameraId ? { deviceId: { exact: cameraId } } : { width: { ideal: 1280 }, height: { ideal: 720 } },
    audio: microphoneId ? { deviceId: { exact: microphoneId } } : true,
  });
}

/** Devices get their names only once the page may use them, i.e. after a first getUserMedia. */
export async function listDevices(): Promise<{ cameras: DeviceOption[]; microphones: DeviceOption[] }> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  const options = (kind: MediaDeviceKind, fallback: string) =>
    devices
      .filter((device) => device.kind === kind && device.deviceId)
      .map((device, index) => ({ value: device.deviceId, label: device.label || `${fallback} ${index + 1}` }));
  return { cameras: options("videoinput", "Camera"), microphones: options("audioinput", "Microphone") };
}

/** The devices a stream actually uses, to show them as chosen. */
export function devicesOf(stream: MediaStream): DeviceChoice {
  return {
    cameraId: stream.getVideoTracks()[0]?.getSettings().deviceId ?? null,
    microphoneId: stream.getAudioTracks()[0]?.getSettings().deviceId ?? null,
  };
}

export function describeMediaError(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") {
    return "The browser was not allowed to use your camera and microphone. Allow them in the address bar, then try again.";
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") {
    return "No camera or microphone was found. Plug one in, or choose another, and try again.";
  }
  if (name === "NotReadableError") return "Another application is using the camera or microphone.";
  return "The camera and microphone could not be started.";
}

export function stopTracks(stream: MediaStream | null) {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
