import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeFrame } from './camera-reader.ts';

/** A code read again within this time is the same product still in front of the camera. */
const REPEAT_MS = 2500;
const FRAME_MS = 120;

type TorchTrack = Omit<MediaStreamTrack, 'getCapabilities'> & { getCapabilities?: () => MediaTrackCapabilities & { torch?: boolean } };

/** The camera as a scanner: choose the camera, switch the torch where the device has one; each new code is checked. */
export function CameraPanel({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | undefined>();
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string>('');
  const [torch, setTorch] = useState<boolean | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  });

  const start = async (id: string) => {
    setProblem(undefined);
    try {
      stream?.getTracks().forEach((track) => track.stop());
      const next = await navigator.mediaDevices.getUserMedia({ video: id ? { deviceId: { exact: id } } : { facingMode: 'environment' }, audio: false });
      setStream(next);
      setCameras((await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === 'videoinput'));
      const track = next.getVideoTracks()[0] as TorchTrack | undefined;
      setTorch(track?.getCapabilities?.().torch ? false : undefined);
    } catch (error) {
      const name = error instanceof DOMException ? error.name : '';
      setProblem(name === 'NotAllowedError' ? 'denied' : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'none' : 'failed');
    }
  };
  const stop = () => {
    stream?.getTracks().forEach((track) => track.stop());
    setStream(undefined);
  };

  useEffect(() => {
    const element = video.current;
    if (!stream || !element) return;
    element.srcObject = stream;
    void element.play().catch(() => undefined);
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const seen = new Map<string, number>();
    let live = true;
    const tick = async () => {
      if (!live) return;
      if (context && element.videoWidth > 0) {
        canvas.width = element.videoWidth;
        canvas.height = element.videoHeight;
        context.drawImage(element, 0, 0);
        try {
          const now = performance.now();
          for (const text of await decodeFrame(context.getImageData(0, 0, canvas.width, canvas.height))) {
            if (now - (seen.get(text) ?? Number.NEGATIVE_INFINITY) > REPEAT_MS) latest.current(text);
            seen.set(text, now);
          }
        } catch {
          // The reader could not load (offline before it was fetched): say so, and keep trying.
          setProblem('failed');
        }
      }
      setTimeout(() => void tick(), FRAME_MS);
    };
    void tick();
    return () => {
      live = false;
    };
  }, [stream]);

  useEffect(() => () => stream?.getTracks().forEach((track) => track.stop()), [stream]);

  const toggleTorch = async () => {
    const track = stream?.getVideoTracks()[0];
    if (!track || torch === undefined) return;
    await track.applyConstraints({ advanced: [{ torch: !torch } as MediaTrackConstraintSet] }).then(() => setTorch(!torch)).catch(() => setTorch(undefined));
  };

  return (
    <section className="camera" data-testid="camera">
      <div className="toolbar">
        {stream ? (
          <button type="button" onClick={stop} data-testid="camera-stop">
            {t('inspectionUi.camera.stop')}
          </button>
        ) : (
          <button type="button" onClick={() => void start(deviceId)} data-testid="camera-start">
            {t('inspectionUi.camera.start')}
          </button>
        )}
        {cameras.length > 1 ? (
          <select
            value={deviceId}
            aria-label={t('inspectionUi.camera.choose')}
            onChange={(event) => {
              setDeviceId(event.target.value);
              void start(event.target.value);
            }}
          >
            {cameras.map((camera, index) => (
              <option key={camera.deviceId} value={camera.deviceId}>
                {camera.label || `${t('inspectionUi.camera.camera')} ${index + 1}`}
              </option>
            ))}
          </select>
        ) : null}
        {stream && torch !== undefined ? (
          <button type="button" aria-pressed={torch} onClick={() => void toggleTorch()}>
            {t('inspectionUi.camera.torch')}
          </button>
        ) : null}
      </div>
      {problem ? (
        <p role="alert" className="error-message">
          {t(`inspectionUi.camera.problem.${problem}`)}
        </p>
      ) : null}
      {stream ? <video ref={video} className="camera-video" muted playsInline data-testid="camera-video" /> : null}
    </section>
  );
}
