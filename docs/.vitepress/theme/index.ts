import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import MermaidDiagram from './MermaidDiagram.vue';
import LeadkitPlayground from './playground/LeadkitPlayground.vue';
import './custom.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('MermaidDiagram', MermaidDiagram);
    app.component('LeadkitPlayground', LeadkitPlayground);
  },
} satisfies Theme;
