// Component specs: jest-dom's matchers (toBeInTheDocument, toHaveAccessibleName, …) and a
// fresh document after each test.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
