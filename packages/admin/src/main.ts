// The console's entry: defines <parley-admin> and, through it, every view.
import './parley-admin.js';
