// Breaks the import cycle between router, components and taro-h5, and gives
// Taro's hooks their React, as the app's runtime would.
import '@tarojs/taro'
import React from 'react'
import ReactDOM from 'react-dom'
import { createReactApp } from '@tarojs/plugin-framework-react/dist/runtime'

createReactApp(() => null, React, ReactDOM, {})
