import './setup.js'; export default [];
