import { describe, expect, it } from 'vitest';
import { chooseWindow, noticeTarget } from './notice-click';

const origin = 'https://coffice.example.se';

describe('noticeTarget', () => {
  it('keeps a path on this site', () => {
    expect(noticeTarget('/passes/abc123', origin)).toBe('/passes/abc123');
    expect(noticeTarget(`${origin}/events/e1?x=1#top`, origin)).toBe('/events/e1?x=1#top');
  });
  it('never leads to another site or to nothing', () => {
    expect(noticeTarget('https://evil.example/passes/1', origin)).toBe('/');
    expect(noticeTarget('//evil.example/x', origin)).toBe('/');
    expect(noticeTarget('javascript:alert(1)', origin)).toBe('/');
    expect(noticeTarget(undefined, origin)).toBe('/');
    expect(noticeTarget(42, origin)).toBe('/');
  });
});

describe('chooseWindow', () => {
  const w = (url: string) => ({ url });
  it('focuses a window already on the target', () => {
    const on = w(`${origin}/passes/abc`);
    expect(chooseWindow([w(`${origin}/`), on], '/passes/abc', origin)).toEqual({ window: on, navigate: false });
  });
  it('navigates an open window of the app when none is on the target', () => {
    const home = w(`${origin}/`);
    expect(chooseWindow([w('https://other.example/passes/abc'), home], '/passes/abc', origin)).toEqual({ window: home, navigate: true });
  });
  it('opens a new window when the app has none open', () => {
    expect(chooseWindow([w('https://other.example/')], '/passes/abc', origin)).toBeNull();
    expect(chooseWindow([], '/', origin)).toBeNull();
  });
});
