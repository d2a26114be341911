// Eleventy's configuration: posts in posts/, layouts in _includes/, images copied as they are,
// heading ids from markdown-it-anchor with Eleventy's own slugify filter, and the InputPathToUrl
// transform, which turns links to template files into their pages' addresses.
const markdownItAnchor = require('markdown-it-anchor');

module.exports = function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy('images');
  eleventyConfig.addPlugin(eleventyConfig.resolvePlugin('@11ty/eleventy/inputpath-to-url-plugin'));
  eleventyConfig.amendLibrary('md', (md) => md.use(markdownItAnchor, { slugify: eleventyConfig.getFilter('slugify') }));
  return { dir: { input: '.', includes: '_includes', output: '_site' } };
};
