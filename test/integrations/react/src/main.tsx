import { createRoot } from 'react-dom/client';
import { MooniProvider } from 'mooni-embed/react';
import { App } from './App.js';

createRoot(document.querySelector('#root')!).render(
  <MooniProvider apiKey="mooni_demo_key" organizationId="shop">
    <App />
  </MooniProvider>,
);
