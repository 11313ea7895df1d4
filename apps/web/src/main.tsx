// First: schemas built by any module after this one parse without eval (the CSP refuses it).
import './lib/zod-jitless.ts';
import { render } from 'preact';
import { App } from './app.tsx';
import './styles.css';

render(<App />, document.getElementById('app')!);
